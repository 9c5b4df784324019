# nonlocal across several nesting levels.
def level1():
    x = 1
    def level2():
        y = 10
        def level3():
            nonlocal x, y
            x += 1
            y += 1
            return x, y
        r1 = level3()
        r2 = level3()
        return r1, r2, y
    out = level2()
    return out, x
print(level1())
def outer():
    a = "outer"
    def mid():
        a = "mid"
        def inner():
            nonlocal a
            a = "changed by inner"
        inner()
        return a
    m = mid()
    return a, m
print(outer())
def counter_factory():
    n = 0
    def step():
        nonlocal n
        def bump():
            nonlocal n
            n += 5
        bump()
        n += 1
        return n
    return step
s = counter_factory()
print(s(), s(), s())
