# iter() and next() on builtin containers.
for container in [[1, 2], (3, 4), "ab", {5: "x", 6: "y"}, range(7, 9), {"k": 1, "j": 2}.values()]:
    it = iter(container)
    print(type(container).__name__, next(it), next(it), next(it, "end"))
it = iter([1, 2, 3, 4, 5])
print(next(it), [x for x in it if x % 2], next(it, None))
words = iter("alpha beta gamma".split())
first = next(words)
rest = list(words)
print(first, rest)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next(iter(()))
except StopIteration:
    print("StopIteration from empty tuple")
d = {"a": 1}
di = iter(d)
d["b"] = 2
try:
    next(di)
except RuntimeError as e:
    print("RuntimeError:", e)
