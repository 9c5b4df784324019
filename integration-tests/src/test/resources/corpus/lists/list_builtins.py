# Builtins applied to lists.
xs = [4, 8, 15, 16, 23, 42]
print(len(xs), sum(xs), min(xs), max(xs), sorted(xs, reverse=True))
print(list(enumerate(xs)), list(enumerate(xs, 1))[:2])
print(list(zip(xs, "abcdef")), list(zip(xs, [1, 2])))
print(list(map(lambda v: v * 2, xs)), list(filter(lambda v: v % 2, xs)))
print(any(v > 40 for v in xs), all(v > 3 for v in xs), any([]), all([]))
print(list(reversed(xs)), xs[::-1] == list(reversed(xs)))
print(list(range(5)), list("hey"), list((1, 2)), list({3: "a", 1: "b"}))
print(sum([[1], [2, 3], [4]], []))
it = iter(xs)
print(next(it), next(it), list(it), next(it, "done"))
