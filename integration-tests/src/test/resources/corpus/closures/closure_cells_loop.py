# Closures created in loops share cells unless bound via defaults.
def make_all():
    out = []
    for i in range(3):
        def f(x, i=i):
            return x * i
        out.append(f)
    return out
print([f(10) for f in make_all()])
def make_shared():
    out = []
    i = 0
    while i < 3:
        out.append(lambda x: x * i)
        i += 1
    return out
print([f(10) for f in make_shared()])
total = 0
def running():
    acc = 0
    def add(v):
        nonlocal acc
        acc += v
        return acc
    return add
r = running()
print([r(v) for v in [1, 2, 3, 4]])
