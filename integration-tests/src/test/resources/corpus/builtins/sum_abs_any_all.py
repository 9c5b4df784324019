# sum, abs, any, all.
print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(10), 100), sum([[1], [2]], []))
print(sum([10 ** 20, 1, -10 ** 20]), sum([0.1] * 3), sum((True, True, False)))
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(-10 ** 30), abs(True))
print(any([]), any([0, "", None]), any([0, 1]), all([]), all([1, "a"]), all([1, 0]))
print(any(x > 3 for x in [1, 5]), all(isinstance(x, int) for x in [1, 2, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
