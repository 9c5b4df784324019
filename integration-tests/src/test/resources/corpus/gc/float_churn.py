# Floating point arithmetic creates a lot of temporary float objects.
acc = 0.0
samples = []
x = 0.5
for i in range(1, 400001):
    x = 3.7 * x * (1.0 - x)
    acc += x / i
    if i % 80000 == 0:
        samples.append(x)
        print(i, x, acc)
print(len(samples), min(samples) > 0.0, max(samples) < 1.0)
print(sum(samples))
