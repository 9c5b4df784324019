# Methods loaded from a class rather than an instance (Base.__init__(self, ...)), hot enough
# to be specialized and compiled, while the classes they come from change under them.


class Base:
    def __init__(self, x):
        self.x = x

    def show(self):
        return "Base(%d)" % self.x

    @staticmethod
    def twice(v):
        return 2 * v

    @classmethod
    def name(cls):
        return cls.__name__


class Child(Base):
    def __init__(self, x, y):
        Base.__init__(self, x)
        self.y = y

    def show(self):
        return "Child(" + Base.show(self) + ", %d)" % self.y


class Other:
    def show(self):
        return "Other"


def patched_show(self):
    return "patched(%d)" % self.x


def run(n):
    total = 0
    seen = []
    for i in range(n):
        c = Child(i, i + 1)
        total += c.x + c.y + Base.twice(i) + Child.twice(1)
        if i == n // 2:
            # A change to the base class: every class version that named Base goes stale.
            Base.show = patched_show
        if i == 3 * n // 4:
            Child.twice = staticmethod(lambda v: 3 * v)
        if i % (n // 4) == 0 or i == n // 2 + 1:
            seen.append(c.show())
        cls = Base if i % 3 else Other
        seen.append(cls.show(Other()) if cls is Other else None)
    print(total)
    print([s for s in seen if s is not None and s != "Other"])
    print(seen.count("Other"))


def built_in_receivers(n):
    acc = 0
    for i in range(n):
        acc += int.bit_length(i) + len(str.upper("ab" * (i % 3)))
    return acc


def class_methods(n):
    names = []
    for i in range(n):
        names.append(Child.name() if i % 2 else Base.name())
    return names[-4:]


def missing(n):
    for i in range(n):
        if i == n - 1:
            return Other.nothing(i)
        Other.show(None)


run(2000)
print(built_in_receivers(2000))
print(class_methods(2000))
try:
    missing(2000)
except AttributeError as e:
    print("AttributeError:", e)
