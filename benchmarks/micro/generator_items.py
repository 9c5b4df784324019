# The cost of one item of a generator a for loop consumes (decision 9, "Later (session 12)"):
# ns per item, the last of eight rounds of a million items.
#   ./stitch run benchmarks/micro/generator_items.py      (and python3 for CPython's figure)
import time


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def total(n):
    t = 0
    for x in counter(n):
        t += x
    return t


for k in range(8):
    t0 = time.perf_counter()
    total(1000000)
    elapsed = time.perf_counter() - t0
print("generator item: %.1f ns" % (elapsed * 1000))
