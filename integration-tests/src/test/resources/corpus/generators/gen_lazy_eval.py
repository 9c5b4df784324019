# Laziness: only requested values are computed.
log = []
def expensive(x):
    log.append(x)
    return x * x
g = (expensive(x) for x in range(10))
print(log)
print(next(g), next(g), log)
first_big = next(v for v in (expensive(x) for x in range(100)) if v > 50)
print(first_big, log)
def numbers():
    for i in range(1000000):
        yield i
total = 0
for n in numbers():
    if n > 10:
        break
    total += n
print(total)
print(any(expensive(x) > 10 for x in range(1000)), len(log))
