# 2D vector class with operators.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def dot(self, o):
        return self.x * o.x + self.y * o.y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
a = Vec(1, 2)
b = Vec(3, -1)
print(a + b, a - b, a * 3, 2 * b, -a, Vec(3, 4).length(), a.dot(b))
print(a == Vec(1, 2), a == b, a != b, a == (1, 2))
pos = Vec(0, 0)
vel = Vec(1, 1)
for step in range(4):
    pos += vel
    vel = vel * 2
    print(step, pos, vel)
print(sum([a, b, Vec(10, 10)], Vec(0, 0)))
