# Sets, lists, tuples and functions built in hot loops, which compiled code builds natively
# (set insertion and resize, list growth through several size classes, tuples of many
# items, functions made by comprehensions), with the cases the native paths hand back: keys
# that are not small ints, equal keys of other types, deleted slots, a reassigned __name__.


def set_building(n):
    out = []
    for r in range(n):
        s = {(r * 7 + i * 13) % 50 - 25 for i in range(12)}
        s.add(-1)
        s.add(2 ** 70)
        s.add(3.0)
        s.add(3)
        if r % 3 == 0:
            s.discard(0)
            s.add(0)
        out.append(list(s))
    return out


def list_growth(n):
    total = 0
    last = None
    for r in range(n):
        l = [i * r for i in range(r % 40)]
        total += len(l)
        last = l
    return total, last


def tuple_building(n):
    acc = []
    for r in range(n):
        t = (r, r + 1, r + 2, r + 3, r + 4, r + 5, r + 6, r + 7, r + 8)
        u = (r, 'a', None, r * 2.5, [r], (r,), r - 1)
        acc.append(t[r % 9] + len(u))
    return sum(acc), acc[-3:]


def functions_made(n):
    global __name__
    mods = []
    for r in range(n):
        fs = [(lambda k=k: k + r) for k in range(3)]
        if r == n // 2:
            __name__ = 'renamed'
        mods.append(fs[0].__module__)
        mods.append(sum(f() for f in fs))
    return mods[:4], mods[-4:]


print(set_building(300)[-2:])
print(list_growth(400))
print(tuple_building(500))
print(functions_made(400))
print({x for x in range(20)} == set(range(20)), len({x % 7 for x in range(1000)}))
