# Expressions and nesting inside f-strings.
rows = [("alice", 93.5), ("bob", 71.25), ("carol", 88.0)]
print(f"{'Name':<8}{'Score':>8}")
for nm, sc in rows:
    grade = "A" if sc >= 90 else "B" if sc >= 80 else "C"
    print(f"{nm.title():<8}{sc:>8.2f} {grade} {'*' * int(sc // 10)}")
print(f"total={sum(s for _, s in rows):.2f} avg={sum(s for _, s in rows) / len(rows):.3f}")
print(f"{[f'{i}^2={i * i}' for i in range(4)]}")
print(f"{', '.join(f'{k}:{v}' for k, v in {'a': 1, 'b': 2}.items())}")
def fmt(v, spec):
    return f"{v:{spec}}"
for spec in ["5d", "<5d", "x", "08.3f"]:
    print(spec, "[" + fmt(42, spec) + "]")
print(f"{(lambda q: q * 2)(21)}", f"{max(rows, key=lambda r: r[1])[0]}")
