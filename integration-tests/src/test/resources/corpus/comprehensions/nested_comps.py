# Nested comprehensions and scoping.
n = 4
identity = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
for row in identity:
    print(row)
flat = [v for row in identity for v in row]
print(flat, sum(flat))
pyramid = [[k for k in range(i)] for i in range(5)]
print(pyramid)
print([[c * i for c in "ab"] for i in range(1, 4)])
factor = 10
print([[factor * x + y for y in range(3)] for x in range(3)])
def make():
    base = 100
    return [base + i for i in range(3)]
print(make())
class K:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
print(K.doubled)
strings = ["a1b2", "c3", "xyz"]
print([int(ch) for s in strings for ch in s if ch.isdigit()])
print({s: [ch for ch in s if ch.isalpha()] for s in strings})
