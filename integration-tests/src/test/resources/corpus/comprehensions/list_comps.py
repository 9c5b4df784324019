# List comprehensions.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 7 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([c.upper() for c in "hello" if c not in "l"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([x if x % 2 else -x for x in range(8)])
words = ["apple", "Bob", "civic", "Dad", "eye", "stitch"]
print([w for w in words if w.lower() == w.lower()[::-1]])
print([len(w) for w in words], [w[0] for w in words])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([n for n in range(2, 50) if all(n % d for d in range(2, n))])
x = "outer"
print([x for x in "ab"], x)
print([(i, s) for i, s in enumerate("xyz")], [a + b for a, b in zip("abc", "123")])
