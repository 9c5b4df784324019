# Raytrace: a small recursive ray tracer rendering into an in-memory canvas.
#
# Written for Stitch from the published description of the "raytrace"
# benchmark of pyperformance (a simple object-oriented ray tracer with
# vectors, rays, spheres, a checkerboard half-space, point lights, Lambert
# and specular shading, shadows and reflections).  The scene, camera and
# shading model here are our own.  The image is written into a canvas of
# 8-bit RGB values and checksummed.
#
# Only +, -, *, /, sqrt and floor are used on floats (all exactly rounded in
# IEEE 754), so the checksum is reproducible bit for bit on any conforming
# implementation that evaluates expressions in the same order.
import sys
import time
import math

DEFAULT_ITERATIONS = 10
WIDTH = 80
HEIGHT = 60
MAX_DEPTH = 3
EPSILON = 1e-9
# Canvas checksum and channel sum for WIDTH x HEIGHT (computed with this
# program; CPython and PyPy agree).
EXPECTED_CHECKSUM = 28162968
EXPECTED_CHANNEL_SUM = 1769028


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Vector:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vector(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vector(self.x - o.x, self.y - o.y, self.z - o.z)

    def scale(self, f):
        return Vector(self.x * f, self.y * f, self.z * f)

    def mul(self, o):
        return Vector(self.x * o.x, self.y * o.y, self.z * o.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def cross(self, o):
        return Vector(self.y * o.z - self.z * o.y,
                      self.z * o.x - self.x * o.z,
                      self.x * o.y - self.y * o.x)

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def reflect(self, normal):
        """Mirror this direction about the plane with the given normal."""
        return self.sub(normal.scale(2.0 * self.dot(normal)))


BLACK = Vector(0.0, 0.0, 0.0)
WHITE = Vector(1.0, 1.0, 1.0)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def point_at(self, t):
        return self.origin.add(self.direction.scale(t))


class Surface:
    def __init__(self, color, ambient, diffuse, specular, shininess, reflectivity):
        self.color = color
        self.ambient = ambient
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflectivity = reflectivity

    def color_at(self, point):
        return self.color


class CheckerboardSurface(Surface):
    def __init__(self, color, other_color, check_size, ambient, diffuse, reflectivity):
        Surface.__init__(self, color, ambient, diffuse, 0.0, 0, reflectivity)
        self.other_color = other_color
        self.check_size = check_size

    def color_at(self, point):
        ix = math.floor(point.x / self.check_size)
        iz = math.floor(point.z / self.check_size)
        if (ix + iz) % 2 == 0:
            return self.color
        return self.other_color


class Sphere:
    def __init__(self, center, radius, surface):
        self.center = center
        self.radius = radius
        self.surface = surface

    def intersect(self, ray):
        """Distance along the ray to the nearest intersection in front of
        its origin, or -1.0."""
        oc = ray.origin.sub(self.center)
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return -1.0
        root = math.sqrt(disc)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return point.sub(self.center).scale(1.0 / self.radius)


class HalfSpace:
    def __init__(self, point, normal, surface):
        self.point = point
        self.normal = normal.normalized()
        self.surface = surface

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < 1e-12:
            return -1.0
        t = self.point.sub(ray.origin).dot(self.normal) / denom
        if t > EPSILON:
            return t
        return -1.0

    def normal_at(self, point):
        return self.normal


class Camera:
    def __init__(self, eye, look_at, up, half_width, aspect):
        self.eye = eye
        self.forward = look_at.sub(eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)
        self.half_width = half_width
        self.half_height = half_width / aspect

    def ray_for(self, x, y, width, height):
        sx = ((x + 0.5) / width * 2.0 - 1.0) * self.half_width
        sy = (1.0 - (y + 0.5) / height * 2.0) * self.half_height
        direction = self.forward.add(self.right.scale(sx)).add(self.up.scale(sy))
        return Ray(self.eye, direction.normalized())


class Canvas:
    def __init__(self, width, height):
        self.width = width
        self.height = height
        self.pixels = [0] * (width * height * 3)

    def plot(self, x, y, color):
        base = (y * self.width + x) * 3
        self.pixels[base] = to_byte(color.x)
        self.pixels[base + 1] = to_byte(color.y)
        self.pixels[base + 2] = to_byte(color.z)

    def checksum(self):
        h = 0
        for v in self.pixels:
            h = (h * 31 + v) & 0xFFFFFFFF
        return h

    def channel_sum(self):
        total = 0
        for v in self.pixels:
            total += v
        return total


def to_byte(c):
    if c <= 0.0:
        return 0
    if c >= 1.0:
        return 255
    return int(c * 255.0 + 0.5)


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []

    def add_object(self, obj):
        self.objects.append(obj)

    def add_light(self, position, intensity):
        self.lights.append((position, intensity))

    def nearest_hit(self, ray):
        best = None
        best_t = 0.0
        for obj in self.objects:
            t = obj.intersect(ray)
            if t > 0.0 and (best is None or t < best_t):
                best = obj
                best_t = t
        return best, best_t

    def blocked(self, ray, distance):
        for obj in self.objects:
            t = obj.intersect(ray)
            if t > 0.0 and t < distance:
                return True
        return False

    def background(self, ray):
        t = 0.5 * (ray.direction.y + 1.0)
        return WHITE.scale(1.0 - t).add(Vector(0.45, 0.65, 1.0).scale(t))

    def trace(self, ray, depth):
        hit = self.nearest_hit(ray)
        obj = hit[0]
        if obj is None:
            return self.background(ray)
        point = ray.point_at(hit[1])
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = normal.scale(-1.0)
        surface = obj.surface
        base = surface.color_at(point)
        lifted = point.add(normal.scale(1e-6))
        color = base.scale(surface.ambient)
        for light in self.lights:
            to_light = light[0].sub(point)
            distance = to_light.length()
            light_dir = to_light.scale(1.0 / distance)
            lambert = normal.dot(light_dir)
            if lambert <= 0.0:
                continue
            if self.blocked(Ray(lifted, light_dir), distance):
                continue
            intensity = light[1]
            color = color.add(base.scale(lambert * surface.diffuse * intensity))
            if surface.specular > 0.0:
                halfway = light_dir.sub(ray.direction).normalized()
                h = normal.dot(halfway)
                if h > 0.0:
                    highlight = 1.0
                    for k in range(surface.shininess):
                        highlight *= h
                    color = color.add(WHITE.scale(highlight * surface.specular * intensity))
        reflectivity = surface.reflectivity
        if reflectivity > 0.0 and depth < MAX_DEPTH:
            reflected = Ray(lifted, ray.direction.reflect(normal))
            mirrored = self.trace(reflected, depth + 1)
            color = color.scale(1.0 - reflectivity).add(mirrored.mul(base).scale(reflectivity))
        return color


def build_scene():
    scene = Scene()
    floor = CheckerboardSurface(Vector(0.9, 0.9, 0.85), Vector(0.15, 0.15, 0.2),
                                1.0, 0.15, 0.8, 0.25)
    scene.add_object(HalfSpace(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), floor))
    mirror = Surface(Vector(0.95, 0.95, 0.95), 0.05, 0.2, 0.8, 32, 0.75)
    scene.add_object(Sphere(Vector(2.0, 1.3, -4.0), 1.3, mirror))
    red = Surface(Vector(0.85, 0.2, 0.15), 0.1, 0.7, 0.5, 16, 0.3)
    scene.add_object(Sphere(Vector(0.0, 1.0, -2.0), 1.0, red))
    green = Surface(Vector(0.2, 0.75, 0.3), 0.1, 0.9, 0.2, 8, 0.0)
    scene.add_object(Sphere(Vector(-2.2, 0.7, -0.5), 0.7, green))
    blue = Surface(Vector(0.2, 0.3, 0.9), 0.1, 0.8, 0.6, 64, 0.1)
    scene.add_object(Sphere(Vector(1.1, 0.35, 0.6), 0.35, blue))
    scene.add_light(Vector(-5.0, 8.0, 5.0), 0.8)
    scene.add_light(Vector(6.0, 5.0, 3.0), 0.5)
    return scene


def render(width, height):
    scene = build_scene()
    # half_width = tan(25 degrees), written out to keep the program exact.
    camera = Camera(Vector(0.0, 2.0, 6.0), Vector(0.0, 0.9, -1.0),
                    Vector(0.0, 1.0, 0.0), 0.46630765815499858, width / height)
    canvas = Canvas(width, height)
    for y in range(height):
        for x in range(width):
            ray = camera.ray_for(x, y, width, height)
            canvas.plot(x, y, scene.trace(ray, 0))
    return canvas


def benchmark():
    canvas = render(WIDTH, HEIGHT)
    checksum = canvas.checksum()
    channel_sum = canvas.channel_sum()
    if checksum != EXPECTED_CHECKSUM or channel_sum != EXPECTED_CHANNEL_SUM:
        fail("canvas checksum %d, channel sum %d (expected %d, %d)"
             % (checksum, channel_sum, EXPECTED_CHECKSUM, EXPECTED_CHANNEL_SUM))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"raytrace iteration {i}: {elapsed:.3f} ms")
    print("raytrace: OK")


main()
