# time functions used only deterministically.
import time
t0 = time.perf_counter()
n0 = time.perf_counter_ns()
w0 = time.time()
total = 0
for i in range(10000):
    total += i
t1 = time.perf_counter()
n1 = time.perf_counter_ns()
w1 = time.time()
print(total)
print(t1 >= t0, n1 >= n0, w1 >= w0)
print(type(t0).__name__, type(n0).__name__, type(w0).__name__)
print(w0 > 1600000000, (t1 - t0) < 60, isinstance(n1 - n0, int))
