# Arbitrary-precision computations: pi digits by Machin's formula, e digits, sqrt(2) by Newton.
def arctan_inv(x, scale):
    total = term = scale // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        total += sign * (term // (2 * n + 1))
        sign = -sign
        n += 1
    return total
def pi_digits(digits):
    scale = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, scale) - arctan_inv(239, scale))
    return str(pi // 10 ** 10)
def e_digits(digits):
    scale = 10 ** (digits + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
def isqrt(n):
    x = n
    y = (x + n // x) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
p = pi_digits(300)
print(p[0] + "." + p[1:61])
for i in range(1, 300, 60):
    print(p[i:i + 60])
e = e_digits(200)
print(e[0] + "." + e[1:101])
r2 = str(isqrt(2 * 10 ** 200))
print(r2[0] + "." + r2[1:101])
counts = [p.count(str(d)) for d in range(10)]
print(counts, sum(counts))
print(p.find("999999"), p.find("14159", 1))
