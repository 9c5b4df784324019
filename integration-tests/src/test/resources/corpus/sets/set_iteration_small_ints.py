# Small non-negative ints in a set without hash collisions iterate in ascending order in CPython.
s = {5, 3, 6, 1, 7}
print(s, list(s))
s.add(0)
s.add(4)
print(s, len(s))
t = set()
for v in [12, 8, 15, 2, 11]:
    t.add(v)
print(sorted(t), len(t))
print(set(range(10, 0, -1)))
u = {x * 2 for x in range(6)}
print(u, sum(u), min(u), max(u))
