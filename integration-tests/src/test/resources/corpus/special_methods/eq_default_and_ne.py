# Default equality is identity; __ne__ derives from __eq__.
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, p != p)
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"  eq({self.v}, {getattr(o, 'v', o)})")
        return isinstance(o, Eq) and self.v == o.v
a, b = Eq(1), Eq(1)
print(a == b)
print(a != b)
print(a == 1)
print(1 == a)
class CustomNe(Eq):
    def __ne__(self, o):
        return "custom ne"
print(CustomNe(1) != CustomNe(2))
print([Eq(1), Eq(2)] == [Eq(1), Eq(2)])
print(Eq(5) in [Eq(4), Eq(5)])
