# Dicts keep insertion order; re-assignment keeps position, delete+insert moves to end.
d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 100
print(list(d))
del d["zeta"]
d["zeta"] = 0
print(d)
for k, v in d.items():
    print(k, v)
print(list(reversed(list(d))), list(reversed(list(d.items()))))
e = {3: "c", 1: "a", 2: "b"}
print(e, sorted(e), sorted(e.items(), key=lambda kv: kv[1], reverse=True))
print({**e, 0: "z", 3: "C"}, {**{"a": 1}, **{"a": 2, "b": 3}})
f = dict(e)
f.update({9: "i", 1: "A"})
print(f, e)
