# Generating permutations and combinations recursively.
def permutations(xs):
    if len(xs) <= 1:
        return [xs[:]]
    out = []
    for i in range(len(xs)):
        for p in permutations(xs[:i] + xs[i + 1:]):
            out.append([xs[i]] + p)
    return out
def combinations(xs, k):
    if k == 0:
        return [[]]
    if len(xs) < k:
        return []
    with_first = [[xs[0]] + c for c in combinations(xs[1:], k - 1)]
    return with_first + combinations(xs[1:], k)
ps = permutations([1, 2, 3, 4])
print(len(ps), ps[:6], ps[-1])
for k in range(5):
    cs = combinations(list("abcd"), k)
    print(k, len(cs), ["".join(c) for c in cs])
def partitions(n, max_part=None):
    if max_part is None:
        max_part = n
    if n == 0:
        return [[]]
    out = []
    for p in range(min(n, max_part), 0, -1):
        for rest in partitions(n - p, p):
            out.append([p] + rest)
    return out
print(partitions(6), len(partitions(15)))
