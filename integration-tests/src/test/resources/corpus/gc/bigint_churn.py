# Big integers create large temporary objects.
a, b = 0, 1
milestones = []
for i in range(1, 8001):
    a, b = b, a + b
    if i % 2000 == 0:
        milestones.append((i, len(str(a)), a % 1000000007))
        print(milestones[-1])
p = 1
for i in range(1, 1500):
    p = p * i % (10 ** 60 + 7)
print(p)
x = 3 ** 3000
y = x * x - x // 7
print(len(str(y)), y % 99991)
