# Collatz sequences.
def steps(n):
    count = 0
    peak = n
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        peak = max(peak, n)
        count += 1
    return count, peak

best = (0, 0)
for start in range(1, 3000):
    c, p = steps(start)
    if c > best[0]:
        best = (c, start)
        print("new best", start, c, p)
print(best)
print(steps(27))
print(steps(2 ** 100 + 1)[0])
