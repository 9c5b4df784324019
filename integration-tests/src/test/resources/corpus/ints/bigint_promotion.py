# Values grow past 64 bits transparently.
n = 2 ** 62
print(n, n * 2, n * 4)
m = 9223372036854775807
print(m + 1, m * m, -m - 1, -m - 2)
print((m + 1) - 1 == m)
f = 1
for i in range(1, 31):
    f *= i
    if i % 5 == 0:
        print(i, f)
print(f // 10 ** 20, f % 10 ** 20)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print(2 ** 200 - 2 ** 199 == 2 ** 199)
big = 123456789123456789123456789
print(big * -987654321987654321, big // 12345, big % 12345)
print(-big // 1000, -big % 1000)
print(abs(-big), -(-big) == big)
