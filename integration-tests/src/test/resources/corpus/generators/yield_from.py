# yield from delegates to sub-generators and returns their value.
def inner(n):
    for i in range(n):
        yield f"inner{i}"
    return n * 10
def outer():
    r1 = yield from inner(2)
    print("  inner returned", r1)
    r2 = yield from inner(3)
    print("  inner returned", r2)
    yield from [1, 2]
    yield from "ab"
    return r1 + r2
g = outer()
print(list(g))
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from walk(sub)
    else:
        yield tree
print(list(walk([1, [2, [3, 4], []], [[5]], 6])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain(range(3), (9, 8), {"k": 1})))
def driver():
    result = yield from outer()
    yield ("final", result)
print(list(driver())[-1])
