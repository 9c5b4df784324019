# Float locals that compiled loops keep unboxed (allocation-removal's raw locals): every way
# out of such a loop must leave the interpreter the floats it would have had.
import math


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    zrzr = 0.0
    zizi = 0.0
    i = 0
    while i < limit:
        zi = 2.0 * zr * zi + ci
        zr = zrzr - zizi + cr
        zrzr = zr * zr
        zizi = zi * zi
        i += 1
        if zrzr + zizi > 4.0:
            break
    # Read after the loop: boxed by whichever exit was taken.
    return i, zr, zi, zrzr + zizi


for y in range(-4, 5):
    row = []
    for x in range(-8, 4):
        n, zr, zi, m = escape_time(x / 4.0, y / 4.0, 30)
        row.append(n)
    print(" ".join("%2d" % n for n in row))
print(escape_time(-0.75, 0.1, 100))
print(escape_time(0.25, 0.0, 50))


def accumulate(values):
    total = 0.0
    last = 0.0
    for v in values:
        last = v * 0.5
        total = total + last
    return total, last


print(accumulate([float(k) for k in range(100)]))
# A value that is no float (a big int, a str) leaves through a guard with total raw.
print(accumulate([1.5, 2.5] * 20 + [2 ** 70, 3.0]))
try:
    accumulate([1.0] * 30 + ["s"])
except TypeError as e:
    print("TypeError", e)


def compare_all(a, b):
    out = []
    for k in range(3):
        x = a * 1.0
        y = b * 1.0
        out.append((x < y, x <= y, x == y, x != y, x > y, x >= y))
    return out[-1]


nan = float("nan")
inf = float("inf")
for a, b in [(1.0, 2.0), (2.0, 2.0), (-0.0, 0.0), (nan, 1.0), (nan, nan), (inf, inf),
             (-inf, 3.0), (5e-324, 0.0)]:
    print(a, b, compare_all(a, b))


def distances(points):
    out = []
    d = 0.0
    for px, py in points:
        d2 = px * px - py * py
        try:
            d = math.sqrt(d2) * 2.0
        except ValueError as e:
            # d2 and d were raw in the loop: here they are the floats they were.
            out.append(("ValueError", str(e), d2, d))
            continue
        out.append(d + d2)
    return out, d


print(distances([(3.0, 1.0), (2.0, 2.0), (1.0, 3.0), (5.0, 4.0), (float("nan"), 1.0),
                 (inf, 1.0), (0.5, 0.25)]))


def divide_all(xs):
    acc = 1.0
    for x in xs:
        try:
            acc = acc * 0.5 + 1.0 / x
        except ZeroDivisionError:
            print("ZeroDivisionError at acc", acc)
            acc = -acc
    return acc


print(divide_all([1.0, 2.0, 4.0, 0.0, 8.0, -0.0, 3.0] * 3))


def swap_and_copy(n):
    a = 1.0
    b = 2.0
    for i in range(n):
        t = a * 1.5
        a = b
        b = t
        if i % 7 == 3:
            c = a
            a = b
            b = c
    return a, b


print(swap_and_copy(40))


def becomes_int(n):
    x = 0.5
    for i in range(n):
        x = x * 1.25
        if i == n - 3:
            x = 7
    return x


print(becomes_int(20), becomes_int(3))


def deleted(n):
    s = 0.0
    for i in range(n):
        w = i * 0.5
        s = s + w
        if i == n - 1:
            del w
    try:
        return w
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    return s


print(deleted(12))


# An inlined function's float result, read raw by the caller's arithmetic.
def ratio(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def weighted(n, w):
    total = 0.0
    for j in range(n):
        total += ratio(3, j) * w[j]
    return total


print(weighted(40, [0.5] * 40))
print(weighted(40, [0.5] * 39 + [2 ** 80]))
try:
    weighted(40, [0.5] * 39 + ["x"])
except TypeError as e:
    print("TypeError", e)
