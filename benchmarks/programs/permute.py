# Permute: generate all permutations of an array by recursive swapping.
#
# Written for Stitch from the published description of the "Permute"
# micro-benchmark of the Are-We-Fast-Yet suite (originally from the Stanford
# Integer Benchmarks).  permute(n) calls itself count(n) = 1 + (n + 1) *
# count(n - 1) times, count(0) = 1; permute(6) on a 6-element array counts
# 8660, the reference value of the suite.
import sys
import time

DEFAULT_ITERATIONS = 10
ROUNDS = 30


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Permuter:
    def __init__(self, size):
        self.count = 0
        self.v = [0] * size

    def swap(self, i, j):
        v = self.v
        tmp = v[i]
        v[i] = v[j]
        v[j] = tmp

    def permute(self, n):
        self.count += 1
        if n != 0:
            n1 = n - 1
            self.permute(n1)
            i = n1
            while i >= 0:
                self.swap(n1, i)
                self.permute(n1)
                self.swap(n1, i)
                i -= 1


def expected_count(n):
    if n == 0:
        return 1
    return 1 + (n + 1) * expected_count(n - 1)


def benchmark():
    for r in range(ROUNDS):
        p = Permuter(6)
        for k in range(6):
            p.v[k] = k
        p.permute(6)
        if p.count != 8660:
            fail("permute(6) counted %d, expected 8660" % p.count)
        for k in range(6):
            if p.v[k] != k:
                fail("array not restored after permuting")
    p = Permuter(8)
    p.permute(8)
    if p.count != expected_count(8):
        fail("permute(8) counted %d, expected %d" % (p.count, expected_count(8)))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"permute iteration {i}: {elapsed:.3f} ms")
    print("permute: OK")


main()
