# N-Queens: brute-force n-queens over all permutations, with generators.
#
# Written for Stitch from the published description of the "nqueens"
# benchmark of pyperformance: every permutation of the column indices is a
# candidate placement (one queen per row and per column); it is a solution
# when the sums vec[i] + i and the differences vec[i] - i are all distinct,
# which is tested by building sets.  Permutations and solutions are both
# produced by generators.  There are 92 solutions for 8 queens.
import sys
import time

DEFAULT_ITERATIONS = 10
QUEENS = 8
ROUNDS = 2
EXPECTED_SOLUTIONS = 92
FIRST_SOLUTION = (0, 4, 7, 5, 2, 6, 1, 3)
LAST_SOLUTION = (7, 3, 0, 2, 5, 1, 6, 4)


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def permutations(items):
    """Yield every ordering of items as a tuple, in lexicographic order of
    the item positions."""
    n = len(items)
    indices = list(range(n))
    while True:
        yield tuple([items[k] for k in indices])
        # Find the rightmost position whose index can still grow.
        i = n - 2
        while i >= 0 and indices[i] >= indices[i + 1]:
            i -= 1
        if i < 0:
            return
        j = n - 1
        while indices[j] <= indices[i]:
            j -= 1
        t = indices[i]
        indices[i] = indices[j]
        indices[j] = t
        # Reverse the tail so that it is in increasing order again.
        lo = i + 1
        hi = n - 1
        while lo < hi:
            t = indices[lo]
            indices[lo] = indices[hi]
            indices[hi] = t
            lo += 1
            hi -= 1


def n_queens(n):
    cols = range(n)
    for vec in permutations(list(cols)):
        if len({vec[i] + i for i in cols}) == n and len({vec[i] - i for i in cols}) == n:
            yield vec


def benchmark():
    for r in range(ROUNDS):
        solutions = [vec for vec in n_queens(QUEENS)]
        if len(solutions) != EXPECTED_SOLUTIONS:
            fail("%d solutions, expected %d" % (len(solutions), EXPECTED_SOLUTIONS))
        if solutions[0] != FIRST_SOLUTION or solutions[-1] != LAST_SOLUTION:
            fail("unexpected first or last solution")
        distinct = set(solutions)
        if len(distinct) != EXPECTED_SOLUTIONS:
            fail("duplicate solutions")


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"nqueens iteration {i}: {elapsed:.3f} ms")
    print("nqueens: OK")


main()
