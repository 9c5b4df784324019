# Algorithms using sets of integers.
def primes_upto(n):
    composites = set()
    primes = []
    for i in range(2, n + 1):
        if i not in composites:
            primes.append(i)
            composites.update(range(i * i, n + 1, i))
    return primes
print(primes_upto(60))
def happy(n):
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(d) ** 2 for d in str(n))
    return n == 1
print([n for n in range(1, 60) if happy(n)])
nums = [2, 7, 11, 15, 3, 6, 8]
target = 14
seen = set()
pairs = []
for x in nums:
    if target - x in seen:
        pairs.append((target - x, x))
    seen.add(x)
print(pairs)
a = set(range(0, 50, 3))
b = set(range(0, 50, 5))
print(sorted(a & b), len(a | b), sorted(a ^ b)[:8])
