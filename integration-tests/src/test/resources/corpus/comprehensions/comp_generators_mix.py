# Mixing comprehensions, generators and builtins.
data = [("north", 12), ("south", 7), ("east", 12), ("west", 3), ("north", 5)]
regions = sorted({r for r, _ in data})
totals = {r: sum(v for rr, v in data if rr == r) for r in regions}
print(regions, totals)
print(max(totals, key=totals.get), min(totals.values()))
print([r for r, v in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))])
ranked = {r: i + 1 for i, r in enumerate(sorted(totals, key=lambda k: -totals[k]))}
print(ranked)
print(list(zip(*[(r, v) for r, v in data])))
print([list(t) for t in zip(*[[1, 2, 3], [4, 5, 6]])])
print(dict(enumerate(x for x in "abc")), list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))))
