# Rich comparisons and sorting user objects.
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __repr__(self):
        return f"V{self.s}"
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "2.0", "1.2"]]
print(sorted(vs), max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b, Version("1.2") == a)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  lt({self.v}, {o.v})")
        return self.v < o.v
    def __repr__(self):
        return f"L{self.v}"
x, y = OnlyLt(1), OnlyLt(2)
print(y > x)
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]))
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)
