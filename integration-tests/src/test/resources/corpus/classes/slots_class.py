# __slots__ is accepted and restricts attributes.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def dist2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.dist2())
p.x = 6
print(p.x, p.dist2())
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", type(e).__name__)
pts = [Point(i, i * 2) for i in range(5)]
print([q.dist2() for q in pts], sum(q.x for q in pts))
