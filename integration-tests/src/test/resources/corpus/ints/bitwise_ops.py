# Bitwise operators including negatives and big ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~b)
print(a << 3, a >> 2, -a >> 1, -1 >> 10, -17 >> 2)
print(-5 & 0xFF, -5 | 3, -5 ^ 3, ~-1, ~0)
print(1 << 100, (1 << 100) >> 99, (1 << 100) | 1)
print(((1 << 70) - 1) & 0xFFFF, (-(1 << 70)) >> 65)
x = 0
for i in range(0, 20, 3):
    x |= 1 << i
    print(i, x, bin(x))
mask = (1 << 64) - 1
print(mask, mask ^ (mask >> 1), hex(mask & -mask))
print(-12345678901234567890 & 0xFFFFFFFF)
print(6 & 3 | 8 ^ 1, 1 + 2 << 3, 5 & 6 == 4)
