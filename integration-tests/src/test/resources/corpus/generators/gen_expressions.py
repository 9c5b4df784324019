# Generator expressions.
print(sum(x * x for x in range(10)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(20) if x % 3 == 0))
print(any(c.isdigit() for c in "abc1"), all(c.islower() for c in "abC"))
g = (i * 10 for i in range(3))
print(next(g), list(g), list(g))
print(tuple(c.upper() for c in "xyz"), set(n % 3 for n in range(10)), dict((k, k * 2) for k in "ab"))
pairs = list((a, b) for a in range(3) for b in range(a))
print(pairs)
print(sorted((s for s in ["pear", "fig", "apple"]), key=len))
total = 0
gen = (total + x for x in range(3))
total = 100
print(list(gen))
print(", ".join(str(x) for x in range(5)))
