# Attribute sites that see more classes and shapes than any one-entry cache holds: the
# interpreter's per-site polymorphic caches answer them, and must forget what they know when
# a class gains a property of the same name, or an instance its own attribute order.


class P:
    def __init__(self):
        self.x = 1


class Q:
    def __init__(self):
        self.a = 0
        self.x = 2


class R:
    def __init__(self):
        self.b = 0
        self.c = 0
        self.x = 3


class S(P):
    pass


class T:
    def __init__(self):
        self.x = 5
        self.a = 0


class U:
    def __init__(self):
        self.x = 6


def bump_all(objs, rounds):
    total = 0
    for r in range(rounds):
        for o in objs:
            total += o.x
            o.x = o.x + 1
    return total


objs = [P(), Q(), R(), S(), T(), U()]
print(bump_all(objs, 300))
print([o.x for o in objs])

# A property named x on Q's base class would not shadow Q's own x; on Q itself it does.
Q.x = property(lambda self: -1, lambda self, v: None)
print(bump_all(objs, 50))
print([o.x for o in objs])

# Same class, another shape: the attribute moves to another slot.
late = P()
late.y = 9
del late.x
late.x = 100
objs.append(late)
print(bump_all(objs, 50))
print([o.x for o in objs])
