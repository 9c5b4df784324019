# Functions returning tuples, star-unpacking into calls.
def stats(values):
    n = len(values)
    mean = sum(values) / n
    ordered = sorted(values)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    return n, mean, median, (ordered[0], ordered[-1])
for data in [[3, 1, 2], [4, 1, 3, 2], [10], [5, 5, 1, 9, 7, 3]]:
    n, mean, median, (lo, hi) = stats(data)
    print(n, mean, median, lo, hi)
def add3(a, b, c):
    return a + b + c
args = (1, 2, 3)
print(add3(*args), add3(10, *args[1:]), add3(*"abc"))
print(*args, sep="-")
print(*[1, 2], *(3, 4), *range(5, 7))
combined = (*args, *"xy", 0)
print(combined)
print([*range(3), *[9, 8]])
