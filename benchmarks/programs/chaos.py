# Chaos: a chaos-game fractal whose affine maps are replaced by splines.
#
# Written for Stitch from the published description of the "chaos"
# benchmark of pyperformance ("create chaosgame-like fractals"): a point in
# the unit square is repeatedly mapped onto a randomly chosen segment of one
# of several cubic B-splines -- its x coordinate selects the position along
# the segment, its y coordinate the offset across the (thickened) curve --
# then renormalised to the unit square of the bounding box; every point is
# plotted into an in-memory image.  The splines, sizes and the fixed-seed
# Park-Miller generator are our own; the image is checksummed.
#
# Only +, -, *, /, sqrt and floor are used on floats, so the result is
# reproducible bit for bit on any IEEE 754 implementation.
import sys
import time
import math

DEFAULT_ITERATIONS = 10
WIDTH = 256
HEIGHT = 256
POINTS = 15000
SEED = 20231123
THICKNESS = 0.25
# Number of lit pixels and position-weighted checksum of the hit counts
# (computed with this program; CPython and PyPy agree).
EXPECTED_LIT = 2701
EXPECTED_CHECKSUM = 3691915315


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class ParkMiller:
    """The minimal standard generator: seed <- seed * 16807 mod (2**31 - 1)."""

    def __init__(self, seed):
        self.seed = seed

    def next_int(self):
        self.seed = (self.seed * 16807) % 2147483647
        return self.seed

    def random(self):
        """A float in (0, 1)."""
        return self.next_int() / 2147483647.0

    def below(self, n):
        return self.next_int() % n


class GVector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, o):
        return GVector(self.x + o.x, self.y + o.y)

    def sub(self, o):
        return GVector(self.x - o.x, self.y - o.y)

    def scale(self, f):
        return GVector(self.x * f, self.y * f)

    def magnitude(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

    def linear_combination(self, other, a, b):
        return GVector(self.x * a + other.x * b, self.y * a + other.y * b)


class Spline:
    """A clamped uniform B-spline of the given degree, evaluated with de
    Boor's algorithm."""

    def __init__(self, points, degree):
        self.points = points
        self.degree = degree
        n = len(points) - 1
        if n < degree:
            fail("spline needs more control points than its degree")
        knots = []
        for i in range(degree + 1):
            knots.append(0.0)
        for i in range(1, n - degree + 1):
            knots.append(float(i))
        for i in range(degree + 1):
            knots.append(float(n - degree + 1))
        self.knots = knots
        self.n = n

    def domain(self):
        return self.knots[self.degree], self.knots[self.n + 1]

    def find_span(self, t):
        k = self.degree
        last = self.n
        while k < last and self.knots[k + 1] <= t:
            k += 1
        return k

    def evaluate(self, t):
        p = self.degree
        knots = self.knots
        k = self.find_span(t)
        d = [self.points[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            j = p
            while j >= r:
                lo = knots[j + k - p]
                alpha = (t - lo) / (knots[j + 1 + k - r] - lo)
                d[j] = d[j - 1].linear_combination(d[j], 1.0 - alpha, alpha)
                j -= 1
        return d[p]

    def length(self, samples):
        start, end = self.domain()
        previous = self.evaluate(start)
        total = 0.0
        for i in range(1, samples + 1):
            current = self.evaluate(start + (end - start) * i / samples)
            total += current.sub(previous).magnitude()
            previous = current
        return total


class ChaosGame:
    def __init__(self, splines, thickness):
        self.splines = splines
        self.thickness = thickness
        self.min_x = 1e300
        self.min_y = 1e300
        self.max_x = -1e300
        self.max_y = -1e300
        for s in splines:
            for p in s.points:
                if p.x < self.min_x:
                    self.min_x = p.x
                if p.y < self.min_y:
                    self.min_y = p.y
                if p.x > self.max_x:
                    self.max_x = p.x
                if p.y > self.max_y:
                    self.max_y = p.y
        self.min_x -= thickness
        self.min_y -= thickness
        self.max_x += thickness
        self.max_y += thickness
        self.width = self.max_x - self.min_x
        self.height = self.max_y - self.min_y
        # One transformation per segment; longer splines get more segments.
        self.trafos = []
        self.segments = []
        for index in range(len(splines)):
            count = int(splines[index].length(64) * 3.0)
            if count < 1:
                count = 1
            self.segments.append(count)
            for j in range(count):
                self.trafos.append((index, j))

    def truncate(self, point):
        if point.x >= self.max_x:
            point.x = self.max_x
        if point.y >= self.max_y:
            point.y = self.max_y
        if point.x < self.min_x:
            point.x = self.min_x
        if point.y < self.min_y:
            point.y = self.min_y

    def transform_point(self, point, trafo):
        x = (point.x - self.min_x) / self.width
        y = (point.y - self.min_y) / self.height
        spline = self.splines[trafo[0]]
        start, end = spline.domain()
        segment_length = (end - start) / self.segments[trafo[0]]
        t = start + segment_length * trafo[1] + segment_length * x
        base = spline.evaluate(t)
        step = 1.0 / 50000.0
        if t + step > end:
            derivative = base.sub(spline.evaluate(t - step))
        else:
            derivative = spline.evaluate(t + step).sub(base)
        mag = derivative.magnitude()
        if mag != 0.0:
            offset = (y - 0.5) * self.thickness
            base = GVector(base.x - derivative.y / mag * offset,
                           base.y + derivative.x / mag * offset)
        self.truncate(base)
        return base

    def run(self, rng, points, image, w, h):
        point = GVector((self.max_x + self.min_x) / 2.0,
                        (self.max_y + self.min_y) / 2.0)
        trafos = self.trafos
        for i in range(points):
            trafo = trafos[rng.below(len(trafos))]
            point = self.transform_point(point, trafo)
            px = int(math.floor((point.x - self.min_x) / self.width * w))
            py = int(math.floor((self.max_y - point.y) / self.height * h))
            if px >= w:
                px = w - 1
            if py >= h:
                py = h - 1
            image[py][px] += 1


def make_splines():
    def pts(coords):
        return [GVector(c[0], c[1]) for c in coords]
    return [
        Spline(pts([(1.6, 0.3), (1.1, 0.1), (0.4, 0.3), (0.2, 1.0),
                    (0.5, 1.7), (1.2, 1.9), (1.7, 1.6)]), 3),
        Spline(pts([(2.2, 0.2), (2.25, 0.8), (2.35, 1.3), (2.4, 1.9)]), 3),
        Spline(pts([(2.0, 1.0), (2.5, 1.15), (2.9, 0.95), (3.1, 0.9),
                    (3.3, 0.5)]), 3),
    ]


def benchmark():
    game = ChaosGame(make_splines(), THICKNESS)
    image = [[0] * WIDTH for y in range(HEIGHT)]
    game.run(ParkMiller(SEED), POINTS, image, WIDTH, HEIGHT)
    lit = 0
    checksum = 0
    for y in range(HEIGHT):
        row = image[y]
        for x in range(WIDTH):
            v = row[x]
            if v != 0:
                lit += 1
                checksum = (checksum * 31 + (y * WIDTH + x) * v) & 0xFFFFFFFF
    if lit != EXPECTED_LIT or checksum != EXPECTED_CHECKSUM:
        fail("%d lit pixels, checksum %d (expected %d, %d)"
             % (lit, checksum, EXPECTED_LIT, EXPECTED_CHECKSUM))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"chaos iteration {i}: {elapsed:.3f} ms")
    print("chaos: OK")


main()
