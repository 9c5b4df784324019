# Helper module in a package (not a program).
print("loading geometry.vectors")
class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return f"Vec2({self.x}, {self.y})"
ORIGIN = Vec2(0, 0)
