# Multiple assignment evaluates the right side first.
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [10, 20, 30]
i = 0
i, xs[i] = 2, 99
print(i, xs)
fib = []
x, y = 0, 1
for _ in range(15):
    fib.append(x)
    x, y = y, x + y
print(fib)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi)
q, r = divmod(47, 5)
print(q, r)
