# Shortest round-trip repr of floats.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 123456789.123, 1 / 3, 2 / 3,
        1e-5, 1e-4, 0.0001234, 1e22, 1.5e300, 5e-324, 1.7976931348623157e308, 100.0, 3.0e10]
for v in vals:
    print(repr(v), str(v))
print(0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == round(0.3, 10))
print(float("1e500"), float("-1e500"), float("1e-400"))
print(1e16 + 1, 2.0 ** 60, 2.0 ** -10)
print([x / 10 for x in range(11)])
