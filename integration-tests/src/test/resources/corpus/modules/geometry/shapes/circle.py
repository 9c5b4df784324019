# Helper module (not a program).
import math
print("loading geometry.shapes.circle")
def area(r):
    return math.pi * r * r
def circumference(r):
    return 2 * math.pi * r
