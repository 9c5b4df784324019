# Sieve of Eratosthenes and trial division.
def sieve(limit):
    is_p = [True] * (limit + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= limit:
        if is_p[i]:
            for j in range(i * i, limit + 1, i):
                is_p[j] = False
        i += 1
    return [k for k in range(limit + 1) if is_p[k]]

ps = sieve(1000)
print(len(ps), ps[:15], ps[-5:])
print(sum(ps))
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
for n in [2, 12, 97, 360, 1001, 600851475143, 2 ** 31 - 1]:
    print(n, factor(n))
twins = [(p, p + 2) for p in ps if p + 2 in ps]
print(twins[:10], len(twins))
