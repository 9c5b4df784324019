# A float accumulator kept unboxed (raw) across calls inlined into the loop's trace: its local
# and its copy waiting on the caller's stack while the callee runs. The callees' guards fail
# partway (an int argument, a str, a zero divisor, a deeper call), so exits inside the callee
# must box the caller's raw words before the interpreter sees them.


def weight(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1)) // 2 + i + 1)


def scaled(x, k):
    return x * k


def deeper(x):
    return scaled(x, 0.5) + 1.0


def accumulate(ks, args):
    total = 0.0
    for j in range(len(ks)):
        total = total + weight(3, ks[j]) * scaled(args[j], 2.0)
    return total


def with_errors(n):
    total = 0.0
    caught = 0
    for j in range(n):
        try:
            total = total + 10.0 / (j % 50 - 25)
        except ZeroDivisionError:
            caught += 1
            total = total + 0.25
    return total, caught


def nested(n):
    total = 0.5
    for j in range(n):
        total = total * 0.999 + deeper(j * 0.001)
        if j == n // 2:
            total = total + deeper(1)
    return total


def mixed(n):
    total = 0.0
    for j in range(n):
        x = "%d" % j if j == 300 else j * 0.5
        try:
            total = total + scaled(x, 3.0)
        except TypeError as e:
            print("TypeError:", e, "total so far", round(total, 6))
    return total


print(round(accumulate(list(range(400)), [j * 0.5 for j in range(400)]), 9))
# Past 250 weight's sums are big ints; past 300 scaled multiplies an int.
print(round(accumulate([j if j < 250 else j + 2**40 for j in range(400)],
                       [j * 0.5 if j < 300 else j for j in range(400)]), 9))
print(with_errors(300))
print(round(nested(600), 9))
print(mixed(500))
