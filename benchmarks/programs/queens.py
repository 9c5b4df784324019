# Queens: the eight queens problem solved by backtracking over arrays.
#
# Written for Stitch from the published description of the "Queens"
# micro-benchmark of the Are-We-Fast-Yet suite (originally from the Stanford
# Integer Benchmarks): boolean arrays record which rows and which of the two
# families of diagonals are still free; queens are placed column by column.
# Each round finds the first solution (checked against the known first
# solution in this search order) and then counts all 92 solutions.
import sys
import time

DEFAULT_ITERATIONS = 10
ROUNDS = 80
FIRST_SOLUTION = [0, 4, 7, 5, 2, 6, 1, 3]


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Queens:
    def __init__(self, n):
        self.n = n
        self.free_rows = [True] * n
        self.free_maxs = [True] * (2 * n)
        self.free_mins = [True] * (2 * n)
        self.queen_rows = [-1] * n
        self.solutions = 0

    def is_free(self, r, c):
        return (self.free_rows[r] and self.free_maxs[c + r]
                and self.free_mins[c - r + self.n - 1])

    def set_row_column(self, r, c, v):
        self.free_rows[r] = v
        self.free_maxs[c + r] = v
        self.free_mins[c - r + self.n - 1] = v

    def place_queen(self, c):
        """Place queens in columns c.. ; stop at the first solution."""
        for r in range(self.n):
            if self.is_free(r, c):
                self.queen_rows[c] = r
                self.set_row_column(r, c, False)
                if c == self.n - 1:
                    return True
                if self.place_queen(c + 1):
                    return True
                self.set_row_column(r, c, True)
        return False

    def count_from(self, c):
        """Count every completion of the placement of columns < c."""
        for r in range(self.n):
            if self.is_free(r, c):
                self.queen_rows[c] = r
                if c == self.n - 1:
                    self.solutions += 1
                else:
                    self.set_row_column(r, c, False)
                    self.count_from(c + 1)
                    self.set_row_column(r, c, True)


def valid(rows):
    n = len(rows)
    for a in range(n):
        for b in range(a + 1, n):
            if rows[a] == rows[b] or abs(rows[a] - rows[b]) == b - a:
                return False
    return True


def benchmark():
    for r in range(ROUNDS):
        q = Queens(8)
        if not q.place_queen(0):
            fail("no solution found")
        if not valid(q.queen_rows):
            fail("invalid placement %s" % str(q.queen_rows))
        for k in range(8):
            if q.queen_rows[k] != FIRST_SOLUTION[k]:
                fail("unexpected first solution %s" % str(q.queen_rows))
        q = Queens(8)
        q.count_from(0)
        if q.solutions != 92:
            fail("%d solutions, expected 92" % q.solutions)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"queens iteration {i}: {elapsed:.3f} ms")
    print("queens: OK")


main()
