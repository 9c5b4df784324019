# Identity versus equality for user objects.
class Thing:
    def __init__(self, v):
        self.v = v
a = Thing(1)
b = Thing(1)
c = a
print(a == b, a is b, a is c, a == c, a != b)
print(id(a) == id(c), id(a) == id(b))
things = [a, b]
print(a in things, Thing(1) in things, things.index(b), things.count(a))
print(isinstance(a, Thing), isinstance(a, object), type(a) == type(b), type(a) is Thing)
d = {a: "first", b: "second"}
print(len(d), d[a], d[c])
print(a is not b, None is None, a is not None)
