# Comparisons between ints, floats and bools, chained comparisons.
print(1 < 2, 2 < 1, 1 == 1.0, 1 != 1.0, True == 1, False == 0)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0, 1 <= 1 < 2)
print(2 ** 100 > 2 ** 99, -(2 ** 100) < -(2 ** 99), 2 ** 64 == 2.0 ** 64)
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
calls = []
def val(x):
    calls.append(x)
    return x
print(val(1) < val(0) < val(5))
print(calls)
calls.clear()
print(val(1) < val(2) < val(3) < val(0))
print(calls)
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 == 5.0)
print(max(3, 7, -2), min(3, 7, -2), max(2 ** 70, 1.5), min(-1, -1.0))
