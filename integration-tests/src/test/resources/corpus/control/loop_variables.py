# Loop variable targets: attributes, subscripts, tuples.
class Box:
    pass
b = Box()
for b.value in [1, 2, 3]:
    print("attr target", b.value)
slots = [0, 0, 0]
for slots[1] in "xyz":
    print("subscript target", slots)
d = {}
for k, d[k] in [("a", 1), ("b", 2)]:
    pass
print(d)
for (a, b2), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b2, c)
for i, (name, *scores) in enumerate([("x", 1, 2), ("y", 3)]):
    print(i, name, scores, sum(scores))
xs = [1, 2, 3]
for x in xs:
    x *= 10
print(xs)
for i in range(len(xs)):
    xs[i] *= 10
print(xs)
