# super() with explicit arguments and multi-level chains.
class Base:
    def __init__(self):
        self.trail = ["Base"]
    def hello(self):
        return "Base.hello"
class Middle(Base):
    def __init__(self):
        super(Middle, self).__init__()
        self.trail.append("Middle")
    def hello(self):
        return "Middle>" + super(Middle, self).hello()
class Leaf(Middle):
    def __init__(self):
        super().__init__()
        self.trail.append("Leaf")
    def hello(self):
        return "Leaf>" + super().hello()
    def skip(self):
        return super(Middle, self).hello()
leaf = Leaf()
print(leaf.trail, leaf.hello(), leaf.skip())
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def info(self):
        return f"{self.name}: {self.area():.2f}"
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def area(self):
        return self.side ** 2
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Square(3), Circle(1), Shape("blob")]:
    try:
        print(s.info())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
