# A method called in a loop is replaced on its class (and a subclass overrides it later) by
# guest code that runs inside the loop: the calls after the change reach the new method.
class Shape:
    def __init__(self, k):
        self.k = k

    def area(self):
        return self.k


class Square(Shape):
    pass


def bigger(self):
    return self.k * 100


def smaller(self):
    return -self.k


def change(i):
    if i == 25:
        Shape.area = bigger
    if i == 50:
        Square.area = smaller
    return i


def run(obj):
    total = 0
    for i in range(100):
        total += obj.area()
        max(i, 0, key=change)
    return total


print(run(Square(3)))
print(run(Square(4)))
