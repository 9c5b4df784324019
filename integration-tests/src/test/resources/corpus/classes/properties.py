# @property with getters and setters.
class Rectangle:
    def __init__(self, w, h):
        self._w = w
        self._h = h
    @property
    def width(self):
        return self._w
    @width.setter
    def width(self, value):
        if value <= 0:
            raise ValueError(f"width must be positive, got {value}")
        self._w = value
    @property
    def area(self):
        return self._w * self._h
r = Rectangle(3, 4)
print(r.width, r.area)
r.width = 10
print(r.width, r.area)
try:
    r.width = -1
except ValueError as e:
    print("ValueError:", e)
try:
    r.area = 5
except AttributeError as e:
    print("AttributeError:", e)
print(r.width, r.area)
class Celsius:
    def __init__(self):
        self._c = 0.0
        self.log = []
    @property
    def c(self):
        self.log.append("get")
        return self._c
    @c.setter
    def c(self, v):
        self.log.append(f"set {v}")
        self._c = v
    @property
    def f(self):
        return self.c * 9 / 5 + 32
t = Celsius()
t.c = 25
t.c += 5
print(t.c, t.f, t.log)
