# Accumulation order matters for floats.
vals = [0.1] * 10
print(sum(vals), sum(vals) == 1.0)
s = 0.0
for v in vals:
    s += v
print(s)
big = [1e16, 1.0, -1e16]
print(sum(big), sum(sorted(big)), sum([1.0, 1e16, -1e16]))
print(sum([0.5, 0.25, 0.125], 1), sum(range(5), 0.5))
mean = sum([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) / 8
var = sum((v - mean) ** 2 for v in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]) / 8
print(mean, var, var ** 0.5)
