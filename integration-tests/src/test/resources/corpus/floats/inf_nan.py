# Infinity and NaN behaviour.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-inf))
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf)
print(inf > 10 ** 400, -inf < -(10 ** 400), inf == inf, nan == nan, nan != nan)
print(nan < 1, nan > 1, nan == 1, max(1.0, inf), min(-inf, 0))
print(float("Infinity"), float("-INF"), float("nan"), float(" inf "))
x = nan
print(x is x, x == x, [x] == [x])
vals = [3.0, inf, -2.5, -inf, 0.0]
print(sorted(vals))
print(inf // 1, -inf // 3, 1e308 * 10, -1e308 * 10)
import math
print(math.isinf(inf), math.isnan(nan), math.isinf(1e308), math.isnan(inf - inf))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
