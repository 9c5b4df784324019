# round() uses banker's rounding and exact decimal values.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 4.4999, 4.5001]:
    print(x, round(x), type(round(x)).__name__)
for x in [2.675, 2.665, 1.005, 0.125, 0.375, 3.14159, -3.14159]:
    print(x, round(x, 2), round(x, 1), round(x, 0))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250, -2), round(1350, -2))
print(round(12345, -1), round(15, -1), round(25, -1), round(-25, -1))
print(round(7), round(7, 2), round(-0.4), round(1e20))
