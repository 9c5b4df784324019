# Fannkuch-redux: pancake flipping over all permutations of 1..n.
#
# Written for Stitch from the published description of the "fannkuch-redux"
# program of the Computer Language Benchmarks Game (after Anderson and
# Rettig, "Performing Lisp Analysis of the FANNKUCH Benchmark", 1994):
# for every permutation, repeatedly reverse the first k elements where k is
# the first element, until it is 1; report the maximum number of flips and
# a checksum that adds the flip counts of even-indexed permutations and
# subtracts those of odd-indexed ones, permutations being generated in the
# standard rotation order.  Published values: n = 7 gives 228 and 16,
# n = 8 gives 1616 and 22.
import sys
import time

DEFAULT_ITERATIONS = 10
N = 8
ROUNDS = 2
EXPECTED_CHECKSUM = 1616
EXPECTED_MAX_FLIPS = 22


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def fannkuch(n):
    perm1 = list(range(n))
    perm = [0] * n
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        # Count the flips for the current permutation.
        for i in range(n):
            perm[i] = perm1[i]
        flips = 0
        k = perm[0]
        while k != 0:
            i = 0
            j = k
            while i < j:
                t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i += 1
                j -= 1
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # Advance to the next permutation by rotating prefixes.
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def benchmark():
    small = fannkuch(7)
    if small[0] != 228 or small[1] != 16:
        fail("fannkuch(7) gave %d, %d (expected 228, 16)" % (small[0], small[1]))
    for r in range(ROUNDS):
        result = fannkuch(N)
        if result[0] != EXPECTED_CHECKSUM or result[1] != EXPECTED_MAX_FLIPS:
            fail("fannkuch(%d) gave %d, %d (expected %d, %d)"
                 % (N, result[0], result[1], EXPECTED_CHECKSUM, EXPECTED_MAX_FLIPS))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"fannkuch iteration {i}: {elapsed:.3f} ms")
    print("fannkuch: OK")


main()
