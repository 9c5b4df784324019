# Early returns from inside loops and nested conditions.
def first_negative(xs):
    for i, x in enumerate(xs):
        if x < 0:
            return i, x
    return None
print(first_negative([3, 4, -1, -7]), first_negative([1, 2]), first_negative([]))
def search(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return (r, c)
    return (-1, -1)
g = [[1, 2], [3, 4], [5, 6]]
for t in [4, 6, 7, 1]:
    print(t, search(g, t))
def loop_with_while(n):
    i = 0
    while True:
        if i * i > n:
            return i
        i += 1
print([loop_with_while(n) for n in [0, 1, 10, 99, 100]])
def no_return():
    x = 1
print(no_return())
