# f-strings call __format__/__str__/__repr__ of objects.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
p = Point(1, 2.5)
print(f"{p}", f"{p!r}", f"{p!s}", str(p), repr(p))
print(f"{p.x} {p.y:.3f} {p.x + p.y}")
print(f"{[p, p]}")
print(f"{p!s:>12}|{p!r:<16}|")
q = Point("a", "b")
print(f"{q}", f"{q!r}")
