# Call sites whose callee changes from call to call: methods of several classes through one
# site, a variable holding functions, classes and a builtin in turn, a callee replaced
# mid-loop, and calls that switch between exact positional arguments and defaults or keywords.
class Shape:
    def __init__(self, k):
        self.k = k


class Square(Shape):
    def area(self):
        return self.k * self.k


class Circle(Shape):
    def area(self):
        return 3 * self.k * self.k


class Tri(Shape):
    def area(self, half=True):
        return self.k * self.k // 2 if half else self.k * self.k


def total_area(shapes):
    t = 0
    for s in shapes:
        t += s.area()
    return t


shapes = [Square(i) if i % 3 == 0 else Circle(i) if i % 3 == 1 else Tri(i) for i in range(90)]
print(total_area(shapes))
print(total_area(shapes[:30] * 3))


def inc(x):
    return x + 1


def dbl(x):
    return x * 2


class Box:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return "Box(%r)" % self.x


def apply_all(fs, n):
    out = []
    for i in range(n):
        f = fs[i % len(fs)]
        out.append(f(i))
    return out


print(apply_all([inc, dbl], 40)[-6:])
print(apply_all([inc, Box, abs, dbl, str], 50)[-10:])


def swap_mid_loop():
    global inc
    t = 0
    for i in range(100):
        t += inc(i)
        if i == 50:
            inc = dbl
    return t


print(swap_mid_loop())


def call_shapes(args):
    t = 0
    for i, a in enumerate(args):
        if a is None:
            t += Tri(i).area(False)
        elif a == "kw":
            t += Tri(i).area(half=False)
        else:
            t += Tri(i).area()
    return t


print(call_shapes([1, None, "kw"] * 30))


class Counter:
    def __init__(self, start, step=1):
        self.n = start
        self.step = step


def make_counters(n):
    t = 0
    for i in range(n):
        c = Counter(i) if i % 4 else Counter(i, 3)
        t += c.n + c.step
    return t


print(make_counters(200))
