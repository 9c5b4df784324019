# Integer powers: negative exponents give floats, three argument pow.
print(2 ** 5, 2 ** -1, 2 ** -3, 10 ** -2)
print((-3) ** 3, (-3) ** -1, 0 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7))
print(pow(-2, 3, 5), pow(7, -1, 13), pow(38, -1, 97))
print(4 ** 0.5, 8 ** (1 / 3), 2 ** 0.5)
print(7 ** 40)
print((-1) ** 101, (-1) ** 100)
acc = []
for e in range(-3, 4):
    acc.append(3 ** e)
print(acc)
print(pow(5, 0, 1), pow(123456789, 987654321, 1000000007))
