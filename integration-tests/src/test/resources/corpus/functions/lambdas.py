# Lambda expressions.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
print(list(map(lambda s: s[::-1], ["abc", "de"])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ["+", "-", "*", "/"]:
    print(sym, ops[sym](12, 4))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
adders = [lambda x, n=n: x + n for n in range(4)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(4)]
print([a(10) for a in late])
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))
