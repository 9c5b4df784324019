# Float: floating-point arithmetic and allocation of many small objects.
#
# Written for Stitch from the published description of the "float"
# benchmark of pyperformance (an artificial benchmark originally from the
# Factor language project): create n Point objects with x = sin(i),
# y = 3 cos(i), z = x * x / 2, normalize each to unit length, then fold them
# with a component-wise maximum.  As n grows the maximum tends to
# (2 / sqrt(5), 1, 1 / sqrt(5)) = (0.894427.., 1, 0.447213..).
import sys
import time
import math

DEFAULT_ITERATIONS = 10
POINTS = 100000
# Component-wise maximum for POINTS = 100000 (computed with this program;
# CPython and PyPy agree).  Checked with a relative tolerance because sin
# and cos may differ in the last bit between math libraries.
EXPECTED = (0.89442718909978636, 1.0, 0.44721359544569722)


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Point:
    def __init__(self, i):
        x = math.sin(i)
        self.x = x
        self.y = math.cos(i) * 3.0
        self.z = (x * x) / 2.0

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


def maximize(points):
    best = points[0]
    for k in range(1, len(points)):
        best = best.maximize(points[k])
    return best


def benchmark():
    points = [Point(float(i)) for i in range(POINTS)]
    for p in points:
        p.normalize()
    best = maximize(points)
    got = (best.x, best.y, best.z)
    for k in range(3):
        if abs(got[k] - EXPECTED[k]) > 1e-9 * abs(EXPECTED[k]):
            fail("maximum is (%.17g, %.17g, %.17g), expected (%.17g, %.17g, %.17g)"
                 % (got[0], got[1], got[2], EXPECTED[0], EXPECTED[1], EXPECTED[2]))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"float iteration {i}: {elapsed:.3f} ms")
    print("float: OK")


main()
