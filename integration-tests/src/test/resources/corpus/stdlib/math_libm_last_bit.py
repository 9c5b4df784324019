# math's functions give CPython's results to the last bit: CPython calls the C math
# library, and so must Stitch. Each argument below is one where Java's own Math or
# StrictMath gave a result one ulp away from glibc's (found by comparing 61,000 results).
import math

CASES = {
    "sin": [0.1975308624, 2.9259258993, 3.9876542847, 6.7160493216, 7.6666665969, 14.6172838176],
    "cos": [26.9382713598, 36.1975305348],
    "tan": [6.049382661, 12.9506171661, 14.790123322200001, 17.3827158912, 19.9506171024],
    "asin": [-0.995, -0.987, -0.96, -0.954, -0.949, -0.905],
    "acos": [-0.965, -0.963, -0.948, -0.94, -0.937, -0.924],
    "atan": [0.2098765413, 0.6419753028, 0.7407407340000001, 0.7901234496, 1.6790123304],
    "sinh": [0.4074074037, 22.4197528824, 22.432098561300002, 22.5679010292, 23.1234565797],
    "cosh": [10.1975307714, 10.6419752118, 17.1111109554, 18.6543208179, 23.7901232403],
    "atanh": [0.703],
    "exp": [10.1975307714, 10.6419752118, 17.1111109554, 18.6543208179, 27.3086417268],
    "exp2": [10.6913579274, 18.160493661900002, 31.4938268739],
    "expm1": [0.4074074037, 29.4691355343, 32.1975305712],
    "log2": [0.4197530826, 0.44444444040000003, 0.4691357982, 0.5432098716, 0.6913580184],
    "log10": [1.1851851744, 1.3086419634, 1.5555555414, 1.7037036882, 2.3086419543],
    "cbrt": [0.0123456789, 0.0246913578, 0.0370370367, 0.0493827156, 0.0864197523],
}

for name, args in CASES.items():
    f = getattr(math, name)
    print(name, [f(x) for x in args])

# atan2 and pow over a sweep, where Java disagreed on about 3% of the points.
total_atan2 = []
total_pow = []
for i in range(1, 1001, 7):
    y = i * 0.37 - 180.0
    total_atan2.append(math.atan2(y, 3.5))
    total_pow.append(math.pow(1.0 + i * 0.001, y))
print(total_atan2[:8], total_atan2[-3:])
print(total_pow[:8], total_pow[-3:])
print(sum(total_atan2), sum(total_pow))

# A sweep of sin and cos as a float benchmark calls them.
acc = 0.0
for i in range(2000):
    x = float(i)
    acc += math.sin(x) * math.cos(x) / 3.0
print(acc)
