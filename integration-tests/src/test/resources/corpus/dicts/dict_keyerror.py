# Missing keys, KeyError messages and membership.
d = {"one": 1, 2: "two", (3, 4): "tuple"}
for k in ["one", 2, (3, 4), "two", 5, (3,)]:
    try:
        print(repr(k), d[k])
    except KeyError as e:
        print(repr(k), "KeyError", e, repr(e), e.args)
print("one" in d, "1" in d, 2 in d, 2.0 in d, (3, 4) in d)
try:
    del d["nope"]
except KeyError as e:
    print("del KeyError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    d[{}]
except TypeError as e:
    print("TypeError:", e)
print(len(d), d)
