# Decorator using a closure to count calls and cache results.
STATS = {}
def counted(fn):
    calls = 0
    cache = {}
    def wrapper(*args):
        nonlocal calls
        calls += 1
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    def stats():
        return calls, len(cache)
    STATS[fn.__name__] = stats
    return wrapper
@counted
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(10, 5), STATS['binom']())
print(binom(30, 15), STATS['binom']())
for n in range(7):
    print(" ".join(str(binom(n, k)) for k in range(n + 1)))
print(STATS['binom']())
