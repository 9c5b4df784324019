# Set algebra on small ints (deterministic ordering in CPython).
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([10, 11], (12,)), a.intersection(range(3, 10)))
print({1, 2}.issubset(a), a.issuperset({1, 2}), {1, 9} <= a, a >= {5}, {1} < {1}, {1} < {1, 2})
print(a.isdisjoint(b), a.isdisjoint({8, 9}))
print(len(a), 3 in a, 9 in a, 9 not in a, sorted(a, reverse=True))
c = set()
print(c, len(c), bool(c), set([3, 1, 3, 2]), set("aaa"), set(range(5)))
