# Bound methods are callable objects tied to their instance.
class Counter:
    def __init__(self, start):
        self.value = start
    def inc(self, by=1):
        self.value += by
        return self.value
a = Counter(0)
b = Counter(100)
f = a.inc
g = b.inc
print(f(), f(), g(5), a.value, b.value)
ops = [a.inc, b.inc, a.inc]
print([op(10) for op in ops])
print(Counter.inc(a, 1000), a.value)
fns = list(map(Counter(0).inc, [1, 2, 3]))
print(fns)
print(a.inc == a.inc, a.inc == b.inc)
class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def greet(self, name):
        return f"{self.greeting}, {name}"
names = ["x", "y"]
print(list(map(Greeter("Hi").greet, names)))
