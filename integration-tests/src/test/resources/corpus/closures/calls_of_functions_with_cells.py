# Functions and __init__ methods whose parameters are captured by an inner function (cell
# variables), called often enough to be specialized and compiled: their cells must hold the
# arguments, and each call gets fresh cells.
class Counter:
    def __init__(self, start, step):
        self.next = lambda k: start + step * k
        self.start = start

    def take(self, n):
        return [self.next(k) for k in range(n)]


def scaled(xs, k):
    return [x * k for x in xs]


def adder(a, b):
    def add():
        return a + b
    c = a * 2
    def twice():
        return c + add()
    return twice


def late(n):
    # The cell is not an argument: empty until assigned.
    def read():
        return value
    value = n * 3
    return read()


total = 0
makers = []
for i in range(300):
    c = Counter(i, 2)
    total += sum(c.take(3))
    total += scaled([1, 2, 3], i)[2]
    f = adder(i, i + 1)
    total += f()
    total += late(i)
    if i % 100 == 0:
        makers.append(f)
print(total)
print([m() for m in makers])
print(Counter(5, -1).take(4), scaled([0.5, 'a'], 3), late(-1))
