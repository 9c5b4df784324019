# A module attribute read in a loop changes under the loop: math.pi is rebound by guest code
# the loop calls through a builtin.
import math


def bump(x):
    if x == 40:
        math.pi = 3
    return x


def run():
    acc = 0.0
    for i in range(100):
        acc += math.pi
        min(i, 1000, key=bump)
    return acc


print(run())
print(math.pi)
