# Tuple and list unpacking, including starred and nested targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g, h] = "xyz"
print(f, g, h)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
p, *q = [7]
print(p, q)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
for k, *vs in [(1, 2, 3), (4,), (5, 6)]:
    print(k, vs)
try:
    u, v = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a1, *b1, c1 = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError:", e)
x = y = z = [0]
x.append(1)
print(x, y, z)
i = j = 10
i += 1
print(i, j)
