# Equal numbers hash equally and collide as dict keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False), hash(-1) == hash(-1.0))
print(hash(2 ** 80) == hash(2.0 ** 80))
s = {1, 1.0, 2, 2.0, 3}
print(len(s), sorted(s))
keys = {0.5: "half", 2: "two"}
print(keys[0.5], keys[2.0], 2.0 in keys, 0.25 in keys)
