import time
def f():
    t = time.perf_counter()
    x = 0
    for i in range(3000000):
        x = x + i
    print("loop", round((time.perf_counter() - t) * 1000), "ms")
def g(a):
    return a
def calls():
    t = time.perf_counter()
    for i in range(1000000):
        g(i)
    print("calls", round((time.perf_counter() - t) * 1000), "ms")
class A:
    def __init__(self):
        self.v = 1
    def m(self):
        return self.v
def attrs():
    a = A()
    t = time.perf_counter()
    for i in range(1000000):
        a.v = a.v + 1
    print("attrs", round((time.perf_counter() - t) * 1000), "ms")
def meths():
    a = A()
    t = time.perf_counter()
    for i in range(1000000):
        a.m()
    print("meths", round((time.perf_counter() - t) * 1000), "ms")
def floats():
    t = time.perf_counter()
    x = 0.0
    for i in range(1000000):
        x = x * 0.5 + 1.0
    print("floats", round((time.perf_counter() - t) * 1000), "ms")
for k in range(3):
    f(); calls(); attrs(); meths(); floats()
