# Dict and set comprehensions.
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({len(w) for w in words})
print({n % 5 for n in range(20)})
print({k: v for k, v in zip("abc", range(3)) if v})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({(i, j): i * j for i in range(1, 3) for j in range(1, 3)})
print(sorted({c for c in "mississippi"}))
grid = {(r, c) for r in range(3) for c in range(3) if (r + c) % 2 == 0}
print(sorted(grid))
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
