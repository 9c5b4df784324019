# Mixed int/float arithmetic and floor semantics on floats.
print(7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1.0, 0.1))
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 2 ** 0.5 * 2 ** 0.5)
print(0.1 * 3, 1.1 * 1.1, 1e10 / 3, 1 / 7)
print(10 / 4, 10 // 4, 10 / 5, type(10 / 5).__name__)
print(-0.0 == 0.0, str(-0.0), str(0.0 * -1), abs(-0.0))
total = 0.0
for i in range(1, 11):
    total += 1 / i
    print(i, total)
print(2 ** 1023 * 1.0, 3.5 ** 2, (-8.0) ** 3, 9 ** 0.5, 2 ** -0.5)
print(float(2 ** 80), 2 ** 80 / 3, 10 ** 30 / 10 ** 10)
print(1e308 + 1e308, 5e-324 / 2)
