# dict methods.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
d.update({"d": 4, "a": 10}); print(d)
d.update([("e", 5)], f=6); print(d)
d.update(g=7); print(d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = 1
print(d, c)
c.clear(); print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
