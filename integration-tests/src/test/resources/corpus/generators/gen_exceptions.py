# Exceptions raised and handled inside generators.
def risky():
    yield 1
    yield 2
    raise ValueError("generator broke")
    yield 3
got = []
try:
    for v in risky():
        got.append(v)
except ValueError as e:
    print("caught", e, "after", got)
def safe_div(pairs):
    for a, b in pairs:
        try:
            yield a / b
        except ZeroDivisionError as e:
            print("  handled inside", e)
            yield None
print(list(safe_div([(1, 2), (3, 0), (9, 3)])))
def failing_after(n):
    for i in range(n):
        yield i
    raise KeyError("after " + str(n))
g = failing_after(2)
print(next(g), next(g))
try:
    next(g)
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))
def bad_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
