# math module functions.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(144), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(math.trunc(3.9), math.trunc(-3.9), type(math.floor(2.5)).__name__, math.floor(10 ** 20 + 0.0) == 10 ** 20)
print(math.fabs(-3), math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.factorial(20), math.factorial(0))
print(math.hypot(3, 4), math.hypot(5, 12), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), round(math.cos(math.pi), 10), math.sin(1.0))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log(2))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5))
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.factorial(25), len(str(math.factorial(100))))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
