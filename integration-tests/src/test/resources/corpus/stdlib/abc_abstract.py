# Abstract base classes.
from abc import ABC, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def name(self):
        pass
    def describe(self):
        return f"{self.name()} with area {self.area():.2f}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return "square"
class Partial(Shape):
    def area(self):
        return 0
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
try:
    Partial()
except TypeError as e:
    print("TypeError:", e)
sq = Square(3)
print(sq.describe(), isinstance(sq, Shape), issubclass(Square, ABC))
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
    def name(self):
        return "circle"
for s in sorted([Square(2), Circle(1), Square(1)], key=lambda s: s.area()):
    print(s.describe())
