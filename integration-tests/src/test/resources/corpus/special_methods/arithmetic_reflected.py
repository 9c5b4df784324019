# Arithmetic dunders including reflected and NotImplemented fallbacks.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.cents + o.cents)
        if isinstance(o, int):
            return Money(self.cents + o)
        return NotImplemented
    def __radd__(self, o):
        print("  radd with", o)
        return self.__add__(o)
    def __sub__(self, o):
        return Money(self.cents - o.cents)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Money(round(self.cents * k))
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Money(self.cents // k)
    def __floordiv__(self, k):
        return self.cents // k
    def __mod__(self, k):
        return Money(self.cents % k)
    def __neg__(self):
        return Money(-self.cents)
    def __pos__(self):
        return self
    def __repr__(self):
        return f"Money({self.cents})"
a, b = Money(150), Money(275)
print(a + b, b - a, a * 3, 3 * a, a * 0.5, a / 4, a // 4, b % 100, -a, +b)
print(10 + a, sum([a, b, Money(5)]))
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" * a
except TypeError as e:
    print("TypeError:", e)
try:
    a - 1
except AttributeError as e:
    print("AttributeError:", e)
class Vec:
    def __init__(self, *c):
        self.c = c
    def __pow__(self, n):
        return Vec(*(x ** n for x in self.c))
    def __rsub__(self, k):
        return Vec(*(k - x for x in self.c))
    def __and__(self, o):
        return Vec(*(x & y for x, y in zip(self.c, o.c)))
    def __or__(self, o):
        return Vec(*(x | y for x, y in zip(self.c, o.c)))
    def __xor__(self, o):
        return Vec(*(x ^ y for x, y in zip(self.c, o.c)))
    def __lshift__(self, n):
        return Vec(*(x << n for x in self.c))
    def __rshift__(self, n):
        return Vec(*(x >> n for x in self.c))
    def __repr__(self):
        return f"Vec{self.c}"
v = Vec(1, 2, 3)
w = Vec(6, 5, 4)
print(v ** 2, 10 - v, v & w, v | w, v ^ w, v << 2, w >> 1)
