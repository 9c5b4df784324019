# A parameter without a default after one with a default.
def connect(host="localhost", port):
    return host, port
print(connect(port=80))
