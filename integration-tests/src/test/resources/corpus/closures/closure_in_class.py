# Closures inside methods and class bodies.
class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, name):
        def register(fn):
            self.handlers.setdefault(name, []).append(fn)
            return fn
        return register
    def emit(self, name, *args):
        return [h(*args) for h in self.handlers.get(name, [])]
bus = EventBus()
seen = []
@bus.on("greet")
def hello(who):
    seen.append(who)
    return "hello " + who
@bus.on("greet")
def shout(who):
    return who.upper() + "!"
def make_adder(n):
    return lambda x: x + n
bus.on("num")(make_adder(1))
bus.on("num")(make_adder(100))
print(bus.emit("greet", "ann"), bus.emit("num", 5), bus.emit("none"))
print(seen, sorted(bus.handlers))
class Multi:
    factor = 3
    def scaled(self, values):
        f = self.factor
        return list(map(lambda v: v * f, values))
print(Multi().scaled([1, 2, 3]))
