# random with a fixed seed reproduces CPython's exact streams.
import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(5, 50, 5) for _ in range(5)])
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(100)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print([round(random.uniform(-1, 1), 12) for _ in range(3)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.randint(0, 10 ** 30))
print(random.randrange(1000000007))
random.seed(12345)
counts = [0] * 6
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print(counts, sum(counts))
random.seed(7)
names = ["ann", "bob", "cy", "dee", "eve"]
random.shuffle(names)
print(names, random.choice(names))
