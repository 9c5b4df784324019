# Spectral norm: the spectral norm of an infinite matrix, by power iteration.
#
# Written for Stitch from the published description of the "spectral-norm"
# program of the Computer Language Benchmarks Game (also in pyperformance):
# A(i, j) = 1 / ((i + j) * (i + j + 1) / 2 + i + 1); ten rounds of
# u <- At(A(u)) and v <- At(A(u)) on an n-vector, then
# sqrt(<u, v> / <v, v>).  For n = 100 the published result is 1.274219991.
import sys
import time
import math

DEFAULT_ITERATIONS = 10
N = 100
ROUNDS = 2
EXPECTED = 1.274219991


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def matrix_a(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1)) // 2 + i + 1)


def times_a(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_a(i, j) * u[j]
        out[i] = total


def times_a_transposed(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += matrix_a(j, i) * u[j]
        out[i] = total


def times_at_a(u, out, tmp):
    times_a(u, tmp)
    times_a_transposed(tmp, out)


def spectral_norm(n):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for k in range(10):
        times_at_a(u, v, tmp)
        times_at_a(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)


def benchmark():
    for r in range(ROUNDS):
        result = spectral_norm(N)
        if abs(result - EXPECTED) > 5e-10:
            fail("spectral norm %.12f, expected %.9f" % (result, EXPECTED))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"spectral_norm iteration {i}: {elapsed:.3f} ms")
    print("spectral_norm: OK")


main()
