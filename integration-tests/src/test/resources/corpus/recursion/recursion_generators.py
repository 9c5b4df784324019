# Recursive generators.
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
nested = [1, [2, [3, [4, [5, [6]]]]], [[7], 8]]
print(list(flatten(nested)))
deep = 0
for i in range(300):
    deep = [deep, i]
print(sum(flatten(deep)))
def perms(xs):
    if not xs:
        yield []
        return
    for i in range(len(xs)):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [xs[i]] + p
print(list(perms([1, 2, 3])))
print(sum(1 for _ in perms(list(range(6)))))
