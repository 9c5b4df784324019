# Memoization with a dict.
cache = {}
calls = 0
def fib(n):
    global calls
    calls += 1
    if n in cache:
        return cache[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    cache[n] = r
    return r
print(fib(90), calls, len(cache))
print([fib(i) for i in range(15)])
grid_cache = {}
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in grid_cache:
        grid_cache[key] = paths(r - 1, c) + paths(r, c - 1)
    return grid_cache[key]
for n in range(1, 12):
    print(n, paths(n, n))
print(len(grid_cache))
