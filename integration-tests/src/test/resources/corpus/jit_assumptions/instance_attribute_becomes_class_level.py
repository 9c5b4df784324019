# Loads that read an instance attribute for a while, then find something else under the same
# name: the class attribute it shadowed (the instance attribute is deleted), a property the
# class gains (which wins over the instance attribute), a method, and back.
class Item:
    kind = "class kind"

    def __init__(self, v):
        self.v = v
        self.kind = "own kind"
        self.w = 0

    def show(self):
        return "show " + str(self.v)


def change(i, items):
    if i == 20:
        del items[0].kind
    if i == 40:
        Item.v = property(lambda self: 1000)
    if i == 50:
        Item.w = property(lambda self: self.kind, lambda self, value: log.append(value))
    if i == 60:
        del Item.v
    if i == 70:
        items[1].show = lambda: "instance show"
    if i == 80:
        del items[1].show
    if i == 90:
        Item.show = lambda self: "class show " + self.kind
    return i


def run(items, n):
    seen = []
    total = 0
    for i in range(n):
        it = items[i % len(items)]
        total += it.v
        it.w = i
        seen.append(it.kind)
        seen.append(it.show())
        max(i, 0, key=lambda j: change(j, items))
    return total, seen


log = []
items = [Item(1), Item(2), Item(3)]
total, seen = run(items, 100)
print(total)
print(log)
print([it.w for it in items])
for k in range(0, len(seen), 20):
    print(seen[k:k + 20])


# A subclass whose instances use a data descriptor for a name the base class stores per
# instance; both reach the same load site.
class Base:
    def __init__(self):
        self.size = 1


class Computed(Base):
    @property
    def size(self):
        return 50

    @size.setter
    def size(self, value):
        self.stored = value


def sizes(objs, n):
    t = 0
    for i in range(n):
        o = objs[i % 2]
        t += o.size
        o.size = i
    return t


print(sizes([Base(), Computed()], 80))
