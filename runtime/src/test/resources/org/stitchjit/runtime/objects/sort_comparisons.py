# Logs every comparison list.sort makes, for SortingComparisonsTest. Its output under CPython
# 3.11 (`python3 sort_comparisons.py > sort_comparisons.txt`) is the expected output: the
# sequence of __lt__ calls, and the order left behind, must be identical.
# A local LCG instead of the random module keeps the data independent of the random module.

seed = 20240611


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 12) % n


log = []


class Boom(Exception):
    pass


class Item:
    # budget: comparisons allowed before __lt__ raises (None: unlimited).
    budget = None
    # (count, list): after that many comparisons __lt__ appends to the list being sorted.
    mutate = None

    def __init__(self, v, i):
        self.v = v
        self.i = i

    def __lt__(self, other):
        log.append(self.i)
        log.append(other.i)
        if Item.budget is not None:
            if Item.budget == 0:
                raise Boom("boom")
            Item.budget -= 1
        if Item.mutate is not None and len(log) == 2 * Item.mutate[0]:
            Item.mutate[1].append(Item(0, -1))
        return self.v < other.v


def make(n, shape):
    distinct = [2, 3, 10, 50, 100000][rand(5)]
    vals = [rand(distinct) for _ in range(n)]
    if shape == 1:
        # Presorted chunks, ascending or descending, of assorted lengths.
        i = 0
        while i < n:
            j = min(n, i + 1 + rand(90))
            vals[i:j] = sorted(vals[i:j], reverse=rand(2) == 1)
            i = j
    elif shape == 2:
        vals.sort()
        for _ in range(rand(6)):
            if n:
                vals[rand(n)] = rand(distinct)
    elif shape == 3:
        vals.sort(reverse=True)
    elif shape == 4:
        # Long runs that force galloping: two interleaved blocks.
        vals = sorted(vals[: n // 2]) + sorted(vals[n // 2 :])
    elif shape == 5:
        vals = [v % 3 for v in range(n)]
    return [Item(v, i) for i, v in enumerate(vals)]


def order(items):
    return " ".join(str(x.i) for x in items)


def report(label, items):
    print(label, "cmp", " ".join(map(str, log)))
    print(label, "out", order(items))
    log.clear()


def key_of(x):
    log.append(-2 - x.i)
    return Item(x.v // 2, x.i)


sizes = list(range(0, 12)) + [31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 300]
while len(sizes) < 70:
    sizes.append(rand(301))

for case, n in enumerate(sizes):
    # Every variant meets every shape (a cross product, as LCG draws are correlated).
    variant = case % 5
    shape = (case // 5) % 7
    items = make(n, shape)
    label = f"{case} n={n} shape={shape} variant={variant}"
    if variant == 0:
        items.sort()
    elif variant == 1:
        items.sort(reverse=True)
    elif variant == 2:
        # Keys are computed once each, in order, before any comparison.
        items.sort(key=key_of, reverse=rand(2) == 1)
    elif variant == 3:
        items = sorted(items, key=key_of)
    else:
        # A comparison that raises leaves the list partly sorted, exactly as CPython does.
        reverse = rand(2) == 1
        Item.budget = rand(max(1, n * 4))
        try:
            items.sort(reverse=reverse)
            print(label, "no exception")
        except Boom:
            print(label, "Boom, reverse", reverse)
        Item.budget = None
    report(label, items)

# Appending to the list during the sort: the sort still finishes on the original items, then
# raises ValueError.
for n in [5, 40, 150]:
    items = make(n, 0)
    Item.mutate = (n // 2, items)
    try:
        items.sort()
    except ValueError as e:
        print("mutated", n, e)
    Item.mutate = None
    report(f"mutated {n}", items)
