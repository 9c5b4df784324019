# An explicitly raised MemoryError.
cache = []
def allocate(n):
    if n > 3:
        raise MemoryError("simulated allocation failure")
    cache.append([0] * n)
    return len(cache)
for n in range(1, 10):
    print("allocated", allocate(n))
