# Uncaught KeyError shows the key's repr.
config = {"host": "localhost", "port": 8080}
for key in ["host", "port", "user name"]:
    print(key, config[key])
