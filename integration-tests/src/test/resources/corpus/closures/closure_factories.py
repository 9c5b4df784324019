# Function factories.
def multiplier(n):
    def mul(x):
        return x * n
    return mul
double, triple = multiplier(2), multiplier(3)
print(double(7), triple(7), double(triple(2)), multiplier(-1)("ab" * 1 and 5))
def make_validator(lo, hi):
    def check(v):
        ok = lo <= v <= hi
        return f"{v} in [{lo},{hi}]: {ok}"
    return check
pct = make_validator(0, 100)
temp = make_validator(-40, 50)
for v in [-50, 0, 42, 101]:
    print(pct(v), "|", temp(v))
def make_polynomial(*coeffs):
    def p(x):
        total = 0
        for c in coeffs:
            total = total * x + c
        return total
    return p
p = make_polynomial(1, -3, 2)
print([p(x) for x in range(5)])
def memoize():
    cache = {}
    def lookup(key, compute):
        if key not in cache:
            cache[key] = compute(key)
            print("computed", key)
        return cache[key]
    return lookup
lk = memoize()
print(lk(4, lambda k: k ** 2), lk(4, lambda k: -1), lk(5, lambda k: k ** 2))
