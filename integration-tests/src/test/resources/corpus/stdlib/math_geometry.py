# Geometry with the math module.
import math
points = [(0, 0), (3, 4), (-1, 7), (6, -2), (2, 2)]
def dist(p, q):
    return math.hypot(p[0] - q[0], p[1] - q[1])
for p in points:
    ang = math.atan2(p[1], p[0])
    print(p, round(dist((0, 0), p), 6), round(ang, 6), round(ang * 180 / math.pi, 4))
perimeter = sum(dist(points[i], points[(i + 1) % len(points)]) for i in range(len(points)))
print(round(perimeter, 9))
def polygon_area(pts):
    s = 0
    for i in range(len(pts)):
        x1, y1 = pts[i]
        x2, y2 = pts[(i + 1) % len(pts)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2
print(polygon_area([(0, 0), (4, 0), (4, 3), (0, 3)]), polygon_area(points))
for n in [3, 4, 6, 12, 100]:
    side = 2 * math.sin(math.pi / n)
    print(n, round(n * side / 2, 10))
theta = 0.0
x, y = 1.0, 0.0
for step in range(8):
    theta += math.pi / 4
    x, y = math.cos(theta), math.sin(theta)
    print(step, f"{x:+.6f} {y:+.6f}", round(x * x + y * y, 12))
