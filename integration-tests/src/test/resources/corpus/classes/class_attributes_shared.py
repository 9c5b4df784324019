# Class attributes shared between instances vs instance attributes.
class Registry:
    items = []
    total = 0
    def __init__(self, name):
        self.name = name
        self.items.append(name)
        self.total += 1
a = Registry("a")
b = Registry("b")
print(Registry.items, a.items is b.items, Registry.total, a.total, b.total)
class Fixed:
    def __init__(self, name):
        self.items = [name]
x = Fixed("x")
y = Fixed("y")
print(x.items, y.items)
class Config:
    debug = False
    level = 1
c1 = Config()
c2 = Config()
c1.debug = True
Config.level = 5
print(c1.debug, c2.debug, c1.level, c2.level)
del c1.debug
print(c1.debug)
