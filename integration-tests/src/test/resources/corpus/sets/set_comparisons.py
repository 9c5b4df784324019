# Set equality, subsets and mixing with frozenset.
a = {1, 2, 3}
b = frozenset([3, 2, 1])
print(a == b, a <= b, a < b, a | {4} > b)
subsets = [set()]
for x in [1, 2, 3]:
    subsets += [s | {x} for s in subsets]
print(len(subsets), [sorted(s) for s in subsets])
print(sorted(sorted(s) for s in subsets if len(s) == 2))
print(min(len(s) for s in subsets), max(subsets, key=len))
print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, set() == frozenset())
