# Attribute loads, stores and method calls whose receivers are of several classes in turn (the
# interpreter leaves such sites generic; traces specialize them per receiver class, each class
# after the first taking a guard's exit into a bridge of its own).
class Shape:
    def __init__(self, name):
        self.name = name
        self.hits = 0

    def area(self):
        return 0

    def describe(self):
        return self.name + ":" + str(self.area())


class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square")
        self.side = side

    def area(self):
        return self.side * self.side


class Rect(Shape):
    def __init__(self, w, h):
        # Attributes in another order than Square's: another shape.
        self.w = w
        self.h = h
        Shape.__init__(self, "rect")

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Dot(Shape):
    # No area of its own: the method comes from the base class.
    def __init__(self):
        Shape.__init__(self, "dot")


class Label:
    # Not a Shape at all, but with the same attribute and method names.
    def __init__(self, text):
        self.name = text
        self.hits = 100

    def area(self):
        return len(self.name)

    def describe(self):
        return "label " + self.name


def run(items, rounds):
    total = 0
    names = []
    for r in range(rounds):
        for it in items:
            total += it.area()
            it.hits = it.hits + 1
            if r == rounds - 1:
                names.append(it.describe())
            total += len(it.name)
    return total, names


items = [Square(2), Rect(2, 3), Circle(1), Dot(), Label("hello"), Square(5), Rect(1, 1)]
total, names = run(items, 60)
print(total)
print(names)
print([it.hits for it in items])

# Built-in receivers of several types at one method site, and a small int.
def counts(values, rounds):
    t = 0
    for r in range(rounds):
        for v in values:
            t += v.count(1)
            t += (r & 3).bit_length()
    return t


print(counts([[1, 2, 1], (1, 1, 1), [3], (4, 1)], 50))

# A site that sees many classes (more than the JIT keeps specialized paths for).
classes = []
for k in range(24):
    def method(self, k=k):
        return self.v * k
    classes.append(type("K%d" % k, (object,), {"m": method}))
objs = []
for k in range(48):
    o = classes[k % 24]()
    o.v = k
    objs.append(o)


def many(objs, rounds):
    t = 0
    for r in range(rounds):
        for o in objs:
            o.v = o.v + 1
            t += o.v
            t += o.m()
    return t


print(many(objs, 30))
