# Live dict views, and set algebra on their contents.
d1 = {1: "a", 2: "b", 3: "c"}
d2 = {2: "b", 3: "x", 4: "d"}
k1, k2 = set(d1.keys()), set(d2.keys())
print(sorted(k1 & k2), sorted(k1 | k2), sorted(k1 - k2))
print(sorted(k1 ^ k2), sorted(set(d1.items()) & set(d2.items())))
print(2 in d1.keys(), "b" in d1.values(), (3, "c") in d1.items(), (3, "x") in d1.items())
v = d1.values()
d1[5] = "e"
print(list(v), len(v))
print(sorted(d1.items(), reverse=True))
