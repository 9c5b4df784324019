# Iterating tuples and tuple-returning builtins.
t = tuple(range(1, 8))
total = 0
for v in t:
    total += v
    print(v, total)
print(tuple(reversed(t)), tuple(sorted(t, key=lambda v: -v)))
print(tuple(zip(t, t[1:])))
print(tuple(enumerate("ab")), divmod(17, 4), tuple(map(str, t)))
print(sum(t), min(t), max(t), len(t), 4 in t, 9 in t)
empty = ()
print(len(empty), bool(empty), bool((0,)), empty == tuple())
