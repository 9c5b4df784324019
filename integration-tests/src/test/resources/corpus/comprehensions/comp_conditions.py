# Multiple conditions and conditional expressions inside comprehensions.
nums = list(range(-5, 16))
print([n for n in nums if n > 0 if n % 2 == 0 if n % 3])
print(["fizz" if n % 3 == 0 else n for n in range(1, 10)])
print([n for n in nums if n % 2 == 0 and n % 3 == 0 or n == 1])
print([(a, b, c) for a in range(1, 15) for b in range(a, 15) for c in range(b, 15) if a * a + b * b == c * c])
print([s.strip() for s in " a , b,,c ".split(",") if s.strip()])
data = {"x": [1, 2], "y": [], "z": [3]}
print([k for k, v in data.items() if v], [v[0] for v in data.values() if v])
print([min(v, default=0) for v in data.values()])
