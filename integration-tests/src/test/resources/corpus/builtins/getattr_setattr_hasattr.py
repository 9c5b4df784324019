# Dynamic attribute access.
class Config:
    debug = False
    def __init__(self):
        self.name = "app"
c = Config()
for attr in ["name", "debug", "missing"]:
    print(attr, hasattr(c, attr), getattr(c, attr, "<none>"))
setattr(c, "port", 8080)
setattr(c, "name", "renamed")
print(c.port, c.name, getattr(c, "port"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
fields = ["alpha", "beta", "gamma"]
for i, f in enumerate(fields):
    setattr(c, f, i * 10)
print([getattr(c, f) for f in fields])
method = getattr("hello", "upper")
print(method(), getattr([3, 1, 2], "index")(2), getattr("a,b", "split")(","))
print(hasattr(Config, "debug"), hasattr(Config, "name"), hasattr(len, "x"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
