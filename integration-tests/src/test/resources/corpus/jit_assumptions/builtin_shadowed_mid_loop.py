# A builtin read in a loop is shadowed by a new global of the same name half-way, then the
# global is deleted again: the loop must call whichever the name means at each iteration.
def double_abs(x):
    return 2 * (x if x >= 0 else -x)


def shadow(i):
    global abs
    if i == 30:
        abs = double_abs
    if i == 60:
        del abs


def run():
    total = 0
    for i in range(-50, 50):
        total += abs(i)
        sorted([i], key=shadow)  # a builtin that calls back into guest code
    return total


print(run())
print(abs(-3))
