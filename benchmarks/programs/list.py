# List: recursive list manipulation (the Takeuchi-like "tail" function on
# linked lists).
#
# Written for Stitch from the published description of the "List"
# micro-benchmark of the Are-We-Fast-Yet suite (after the Gabriel Lisp
# benchmarks' TAKL): lengths are encoded as linked lists, makeList builds
# them, isShorterThan compares them and tail recurses like Takeuchi's
# function.  tail(list(15), list(10), list(6)) has length 10.
import sys
import time

DEFAULT_ITERATIONS = 10
ROUNDS = 200


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Element:
    def __init__(self, value):
        self.value = value
        self.next = None

    def length(self):
        n = 0
        e = self
        while e is not None:
            n += 1
            e = e.next
        return n


def make_list(length):
    if length == 0:
        return None
    e = Element(length)
    e.next = make_list(length - 1)
    return e


def is_shorter_than(x, y):
    x_tail = x
    y_tail = y
    while y_tail is not None:
        if x_tail is None:
            return True
        x_tail = x_tail.next
        y_tail = y_tail.next
    return False


def tail(x, y, z):
    if is_shorter_than(y, x):
        return tail(tail(x.next, y, z),
                    tail(y.next, z, x),
                    tail(z.next, x, y))
    return z


def benchmark():
    for r in range(ROUNDS):
        result = tail(make_list(15), make_list(10), make_list(6))
        if result is None or result.length() != 10:
            fail("result list has the wrong length")
        if result.value != 10:
            fail("result list starts with %d, expected 10" % result.value)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"list iteration {i}: {elapsed:.3f} ms")
    print("list: OK")


main()
