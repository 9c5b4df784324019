# A Monte Carlo simulation with a seeded generator.
import random
random.seed(2024)
inside = 0
N = 20000
for i in range(N):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1.0:
        inside += 1
print(inside, 4 * inside / N)
random.seed(99)
position = 0
history = []
for step in range(30):
    position += random.choice([-1, 1])
    history.append(position)
print(history)
print(max(history), min(history))
random.seed(5)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
hist = {}
for r in rolls:
    hist[r] = hist.get(r, 0) + 1
for total in sorted(hist):
    print(f"{total:2d} {hist[total]:4d} {'#' * (hist[total] // 10)}")
