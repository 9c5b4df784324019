# Building call arguments dynamically.
def describe(name, kind="thing", *tags, size=1, **extra):
    parts = [f"{name} is a {kind}", f"size={size}"]
    if tags:
        parts.append("tags=" + ",".join(tags))
    for k in sorted(extra):
        parts.append(f"{k}={extra[k]}")
    return "; ".join(parts)
base = {"size": 3}
more = {"color": "red", "weight": 1.5}
print(describe("box"))
print(describe("box", "crate", "heavy", "wooden", **base))
print(describe("ball", **base, **more))
print(describe(*["pen", "tool", "blue"], size=0, owner="me"))
try:
    describe("x", **{"size": 1}, **{"size": 2})
except TypeError as e:
    print("TypeError", "size" in str(e))
try:
    describe(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
