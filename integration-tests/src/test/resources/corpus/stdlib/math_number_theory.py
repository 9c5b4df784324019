# Number theory with math.gcd, factorial and integer arithmetic.
import math
def lcm(a, b):
    return a * b // math.gcd(a, b)
print([math.gcd(a, 36) for a in range(1, 13)])
l = 1
for k in range(1, 31):
    l = lcm(l, k)
print(l)
def binom(n, k):
    return math.factorial(n) // (math.factorial(k) * math.factorial(n - k))
print([binom(10, k) for k in range(11)], binom(60, 30))
def totient(n):
    return sum(1 for k in range(1, n + 1) if math.gcd(n, k) == 1)
print([totient(n) for n in range(1, 21)])
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
for n in [0, 1, 15, 16, 10 ** 20, 2 ** 101]:
    r = isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1), math.floor(math.sqrt(n)) == r)
