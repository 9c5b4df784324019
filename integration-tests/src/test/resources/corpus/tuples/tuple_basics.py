# Tuple construction, indexing, methods.
t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:4], t[::-1], t[::2])
print(t.count(2), t.count(9), t.index(3), t.index(2, 2))
print((), (1,), (1), tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)))
print(t + (9, 8), (0,) * 3, 2 * (1, 2), t == (1, 2, 3, 2, 1), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
x = 1, 2, 3
print(x, type(x).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
mut = ([1], [2])
mut[0].append(10)
print(mut)
print(repr((("a",), "b")), str(("x", 1.0, None)))
