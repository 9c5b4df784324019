# Equality ignores order; keys of different numeric types merge.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1}, {} == {})
c = {1: "a", 2.0: "b"}
print(c, c[2], 1.0 in c)
c[2] = "B"
print(c)
print(set(a.keys()) == {"x", "y"}, sorted(set(a) & {"x", "z"}), sorted(a.items()))
print(list(a.values()) == [1, 2])
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(bool({}), bool({0: 0}), len({i: i for i in range(10)}))
