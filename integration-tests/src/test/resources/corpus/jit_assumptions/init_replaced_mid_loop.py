# Instances are created in a loop while guest code inside the loop replaces the class's
# __init__, gives a subclass its own, and lets instances grow more attributes than the class
# has seen: every object created after a change is built by the new __init__.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    pass


def init_scaled(self, x, y):
    self.x = x * 10
    self.y = y * 10


def init_wide(self, x, y):
    self.x = x
    self.y = y
    self.a = 1
    self.b = 2
    self.c = 3
    self.d = 4
    self.e = 5
    self.f = 6
    self.g = 7


def change(i):
    if i == 30:
        Point.__init__ = init_scaled
    if i == 60:
        Point3.__init__ = init_wide
    return i


def run(cls):
    total = 0
    last = None
    for i in range(100):
        p = cls(i, i + 1)
        total += p.x + p.y
        max(i, 0, key=change)
        last = p
    return total, [getattr(last, k, None) for k in "xyabcdefg"]


print(run(Point))
print(run(Point3))
print(run(Point))


class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


def total(node):
    s = 0
    while node is not None:
        s += node.value
        node = node.rest
    return s


print(total(build(3000)))


class Tree:
    def __init__(self, depth):
        if depth > 0:
            self.left = Tree(depth - 1)
            self.right = Tree(depth - 1)
        else:
            self.left = None
            self.right = None


def count(t):
    return 1 if t.left is None else 1 + count(t.left) + count(t.right)


for d in range(9):
    print(d, count(Tree(d)))


class Picky:
    def __init__(self, n):
        if n % 7 == 6:
            raise ValueError("bad " + str(n))
        self.n = n


caught = 0
made = 0
for i in range(200):
    try:
        made += Picky(i).n
    except ValueError as e:
        caught += 1
print(made, caught)
