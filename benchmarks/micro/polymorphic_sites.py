# The interpreter's attribute loads and method calls at sites whose receivers change class
# (decision 10, "Later (session 12)"): ns per operation over the same loop without it, the
# last of ten rounds. Run with the JIT off to measure the interpreter:
#   ./stitch run --jit=off benchmarks/micro/polymorphic_sites.py   (and python3)
import time


class A:
    def __init__(self):
        self.x = 1

    def f(self):
        return 1


class B(A):
    def __init__(self):
        self.y = 2
        self.x = 1

    def f(self):
        return 2


class C(A):
    def __init__(self):
        self.z = 0
        self.x = 1

    def f(self):
        return 3


class D(A):
    def __init__(self):
        self.w = 0
        self.q = 0
        self.x = 1

    def f(self):
        return 4


class E(A):
    def __init__(self):
        self.x = 1

    def f(self):
        return 5


def loads(objs):
    t = 0
    for o in objs:
        t += o.x
    return t


def calls(objs):
    t = 0
    for o in objs:
        t += o.f()
    return t


def empty(objs):
    t = 0
    for o in objs:
        t += 1
    return t


def per_op(fn, objs, rounds):
    t0 = time.perf_counter()
    for r in range(rounds):
        fn(objs)
    t1 = time.perf_counter()
    for r in range(rounds):
        empty(objs)
    t2 = time.perf_counter()
    return ((t1 - t0) - (t2 - t1)) * 1e9 / (rounds * len(objs))


one = [A()] * 1000
five = [A(), B(), C(), D(), E()] * 200
for k in range(10):
    results = (per_op(loads, one, 300), per_op(loads, five, 300),
               per_op(calls, one, 300), per_op(calls, five, 300))
print("attribute load, one class: %.1f ns; five classes: %.1f ns" % results[:2])
print("method call, one class: %.1f ns; five classes: %.1f ns" % results[2:])
