# map, filter, reversed are lazy iterators.
m = map(lambda x: x * 2, [1, 2, 3])
print(list(m), list(m))
print(list(map(str.upper, ["a", "b"])), list(map(len, ["", "ab", "abc"])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda v: v % 3 == 0, range(20))))
r = reversed([1, 2, 3])
print(next(r), list(r))
print(list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))), "".join(reversed("stressed")))
d = {"a": 1, "b": 2}
print(list(reversed(list(d))), list(reversed(list(d.items()))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
total = 0
for sq in map(lambda v: v * v, filter(lambda v: v % 2, range(10))):
    total += sq
    print("sq", sq, total)
