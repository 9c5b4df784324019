# N-body: a symplectic-integrator simulation of the Jovian planets.
#
# Written for Stitch from the published description of the "n-body" program
# of the Computer Language Benchmarks Game (also part of the Are-We-Fast-Yet
# suite): the Sun, Jupiter, Saturn, Uranus and Neptune, advanced with a
# time step of 0.01 days; the total energy is reported before and after.
# Reference values from the Benchmarks Game: the initial energy is
# -0.169075164 and after 1000 steps it is -0.169087605.
import sys
import time
import math

DEFAULT_ITERATIONS = 10
STEPS = 20000
TIME_STEP = 0.01

PI = 3.141592653589793
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24

EXPECTED_INITIAL_ENERGY = -0.169075164
# Energy after STEPS steps (computed with this program under CPython and
# PyPy, agreeing bit for bit; consistent with the published 1000-step value).
EXPECTED_FINAL_ENERGY = -0.16908926275527328


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_system():
    sun = Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0)
    jupiter = Body(4.84143144246472090e+00, -1.16032004402742839e+00,
                   -1.03622044471123109e-01, 1.66007664274403694e-03,
                   7.69901118419740425e-03, -6.90460016972063023e-05,
                   9.54791938424326609e-04)
    saturn = Body(8.34336671824457987e+00, 4.12479856412430479e+00,
                  -4.03523417114321381e-01, -2.76742510726862411e-03,
                  4.99852801234917238e-03, 2.30417297573763929e-05,
                  2.85885980666130812e-04)
    uranus = Body(1.28943695621391310e+01, -1.51111514016986312e+01,
                  -2.23307578892655734e-01, 2.96460137564761618e-03,
                  2.37847173959480950e-03, -2.96589568540237556e-05,
                  4.36624404335156298e-05)
    neptune = Body(1.53796971148509165e+01, -2.59193146099879641e+01,
                   1.79258772950371181e-01, 2.68067772490389322e-03,
                   1.62824170038242295e-03, -9.51592254519715870e-05,
                   5.15138902046611451e-05)
    bodies = [sun, jupiter, saturn, uranus, neptune]
    # Give the Sun the momentum that makes the total momentum zero.
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS
    return bodies


def advance(bodies, dt):
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            magnitude = dt / (d2 * math.sqrt(d2))
            bm = b.mass * magnitude
            am = a.mass * magnitude
            a.vx -= dx * bm
            a.vy -= dy * bm
            a.vz -= dz * bm
            b.vx += dx * am
            b.vy += dy * am
            b.vz += dz * am
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy
        b.z += dt * b.vz


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        e += 0.5 * a.mass * (a.vx * a.vx + a.vy * a.vy + a.vz * a.vz)
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            e -= (a.mass * b.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def benchmark():
    bodies = make_system()
    initial = energy(bodies)
    if abs(initial - EXPECTED_INITIAL_ENERGY) > 5e-10:
        fail("initial energy %.12f" % initial)
    for step in range(STEPS):
        advance(bodies, TIME_STEP)
    final = energy(bodies)
    if abs(final - EXPECTED_FINAL_ENERGY) > 1e-13:
        fail("final energy %.17g, expected %.17g" % (final, EXPECTED_FINAL_ENERGY))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"nbody iteration {i}: {elapsed:.3f} ms")
    print("nbody: OK")


main()
