# frozensets are hashable.
f = frozenset([3, 1, 2])
g = frozenset({2, 3, 4})
print(f, g, f | g, f & g, f - g, type(f | g).__name__)
print(f == {1, 2, 3}, f == frozenset([1, 2, 3]), hash(f) == hash(frozenset([3, 2, 1])))
groups = {f: "first", g: "second"}
print(groups[frozenset([1, 2, 3])], frozenset([2, 3, 4]) in groups)
sets = {frozenset({1}), frozenset({1}), frozenset({2, 1})}
print(len(sets), sorted(sorted(x) for x in sets))
try:
    f.add(5)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset(), len(frozenset("aab")), sorted(frozenset("hello")))
print(set(f) | {9}, type({1} | f).__name__)
