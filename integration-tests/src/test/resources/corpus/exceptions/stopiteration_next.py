# next() without default raises StopIteration.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
print(next(it, "default"), next(iter([]), None))
def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("generator returned", e.value, e.args)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
