# Infinite generators consumed partially.
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(10, naturals()))
print(take(15, primes()))
print(take(20, fib()))
g = fib()
for _ in range(100):
    v = next(g)
print(v)
evens = (x for x in naturals() if x % 2 == 0)
print([next(evens) for _ in range(5)])
