# Numerical approximations with floats.
def sqrt_newton(a):
    x = a
    for _ in range(30):
        x = 0.5 * (x + a / x)
    return x
for a in [2.0, 9.0, 10.0, 1e10, 0.25]:
    print(a, sqrt_newton(a))
pi = 0.0
for k in range(2000):
    pi += (-1) ** k / (2 * k + 1)
print(4 * pi)
e = 0.0
fact = 1
for k in range(20):
    if k > 0:
        fact *= k
    e += 1 / fact
    if k % 4 == 0:
        print(k, e)
def integrate(f, a, b, n):
    h = (b - a) / n
    return h * (f(a) / 2 + sum(f(a + i * h) for i in range(1, n)) + f(b) / 2)
print(integrate(lambda t: t * t, 0.0, 3.0, 1000))
print(integrate(lambda t: 1 / t, 1.0, 2.0, 500))
