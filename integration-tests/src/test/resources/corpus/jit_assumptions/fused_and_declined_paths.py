# The interpreter's inner loop fuses common instruction pairs and hands anything unusual back
# to the full interpreter: each block below makes one of those hand-backs happen in the middle
# of a hot loop, where the pair before it ran fused many times.


class P:
    def __init__(self, x):
        self.x = x


class Q:
    def __init__(self, x):
        self.y = 0
        self.x = x


def attribute_then_store(objs):
    # LOAD_FAST LOAD_ATTR_INSTANCE STORE_FAST, then another class at the same site.
    total = 0
    for o in objs:
        v = o.x
        total += v
    return total


print(attribute_then_store([P(i) for i in range(200)] + [Q(5), P(1), Q(7)]))


def local_pairs(n):
    # LOAD_FAST LOAD_FAST and STORE_FAST LOAD_FAST, then a local that is unbound.
    a = 1
    b = 2
    for i in range(n):
        a, b = b, a + b
        c = a
        a = c
    if n > 5:
        del c
    try:
        return c + a
    except UnboundLocalError as e:
        return str(e)


print(local_pairs(3), local_pairs(30))


def none_tests(items):
    # LOAD_FAST POP_JUMP_IF_NONE / _NOT_NONE.
    nones = 0
    others = 0
    for x in items:
        if x is None:
            nones += 1
        if x is not None:
            others += 1
    return nones, others


print(none_tests([None, 0, "", None, [], False] * 40))


def compares(values, limit):
    # Int, float and identity compares fused with their branch, then operands they do not
    # take (a big int, a float among ints, NaN).
    counts = [0, 0, 0, 0, 0, 0]
    for v in values:
        if v < limit:
            counts[0] += 1
        if v <= limit:
            counts[1] += 1
        if v == limit:
            counts[2] += 1
        if v != limit:
            counts[3] += 1
        if v > limit:
            counts[4] += 1
        if v >= limit:
            counts[5] += 1
    return counts


print(compares(list(range(100)) + [10 ** 30, 50.0, -1], 50))
print(compares([0.5 * i for i in range(100)] + [float("nan"), 10, 25.0], 25.0))


def float_pressure(n):
    # Float arithmetic allocates inline in the fast loop; the collector runs at the loop's
    # backward jumps while the floats below stay reachable.
    keep = []
    x = 0.5
    for i in range(n):
        x = x * 1.000001 + 0.25
        if i % 1000 == 0:
            keep.append(x)
    return len(keep), keep[3], x


print(float_pressure(200000))


def divide(values):
    out = []
    for v in values:
        try:
            out.append(1.5 / v)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out


print(divide([2.0, 4.0, 0.0, 8.0, 3]))


def small_int_edges(n):
    # Int arithmetic that leaves small ints, and bitwise operators on them.
    x = 1
    bits = 0
    for i in range(n):
        x = x * 3 + 1
        bits = bits ^ (i & 7) | (i & 1)
    return x, bits, x - (x - 1), -x * x


print(small_int_edges(100))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(100000)
except RecursionError as e:
    print("RecursionError:", e)


class BadInit:
    def __init__(self):
        return 1


for i in range(3):
    try:
        BadInit()
    except TypeError as e:
        print(e)


def index_edges(seq):
    hits = 0
    for i in range(-len(seq) - 2, len(seq) + 2):
        try:
            seq[i]
            hits += 1
        except IndexError:
            hits -= 100
    return hits


print(index_edges([1, 2, 3]), index_edges((1, 2, 3, 4)))
