# The cost of a method call the JIT inlines: the same loop body with and without the call,
# in ns per iteration, the last of five rounds (decision 12).
#   ./stitch run benchmarks/micro/inlined_call.py
import time


class V:
    def __init__(self, x):
        self.x = x

    def add(self, k):
        return self.x + k


def with_calls(v, n):
    t = 0
    for i in range(n):
        t += v.add(i)
    return t


def inline(v, n):
    t = 0
    for i in range(n):
        t += v.x + i
    return t


v = V(3)
n = 2000000
for r in range(5):
    t0 = time.perf_counter()
    a = with_calls(v, n)
    t1 = time.perf_counter()
    b = inline(v, n)
    t2 = time.perf_counter()
assert a == b
print("call %.1f ns/iter, inline %.1f ns/iter" % ((t1 - t0) / n * 1e9, (t2 - t1) / n * 1e9))
