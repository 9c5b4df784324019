# Bounce: balls bouncing around in a box.
#
# Written for Stitch from the published description of the "Bounce"
# micro-benchmark of the Are-We-Fast-Yet suite: 100 balls with positions and
# velocities drawn from a simple seeded linear congruential generator
# (seed 74755, seed = (seed * 1309 + 13849) mod 65536) move for 50 steps
# inside a 500 x 500 box; the number of bounces off the walls is 1331.
import sys
import time

DEFAULT_ITERATIONS = 10
ROUNDS = 120
BALL_COUNT = 100
STEPS = 50
EXPECTED_BOUNCES = 1331


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Random:
    def __init__(self):
        self.seed = 74755

    def next(self):
        self.seed = ((self.seed * 1309) + 13849) & 65535
        return self.seed


class Ball:
    def __init__(self, rng):
        self.x = rng.next() % 500
        self.y = rng.next() % 500
        self.x_vel = (rng.next() % 300) - 150
        self.y_vel = (rng.next() % 300) - 150

    def bounce(self):
        x_limit = 500
        y_limit = 500
        bounced = False
        self.x += self.x_vel
        self.y += self.y_vel
        if self.x > x_limit:
            self.x = x_limit
            self.x_vel = 0 - abs(self.x_vel)
            bounced = True
        if self.x < 0:
            self.x = 0
            self.x_vel = abs(self.x_vel)
            bounced = True
        if self.y > y_limit:
            self.y = y_limit
            self.y_vel = 0 - abs(self.y_vel)
            bounced = True
        if self.y < 0:
            self.y = 0
            self.y_vel = abs(self.y_vel)
            bounced = True
        return bounced


def run_bounce():
    rng = Random()
    balls = [Ball(rng) for k in range(BALL_COUNT)]
    bounces = 0
    for step in range(STEPS):
        for ball in balls:
            if ball.bounce():
                bounces += 1
    return bounces


def benchmark():
    for r in range(ROUNDS):
        bounces = run_bounce()
        if bounces != EXPECTED_BOUNCES:
            fail("%d bounces, expected %d" % (bounces, EXPECTED_BOUNCES))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"bounce iteration {i}: {elapsed:.3f} ms")
    print("bounce: OK")


main()
