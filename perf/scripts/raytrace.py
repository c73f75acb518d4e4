"""Small vector classes and operator overloading: a tiny ray tracer.

Renders spheres on a plane with diffuse lighting and shadows, then prints
an ASCII-art digest of the image and a checksum of the pixel values.
"""
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, center, radius, shade):
        self.center = center
        self.radius = radius
        self.shade = shade

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        if t > 1e-6:
            return t
        return None

    def normal(self, point):
        return (point - self.center).norm()


class Plane:
    def __init__(self, point, normal_vec, shade):
        self.point = point
        self.normal_vec = normal_vec.norm()
        self.shade = shade

    def intersect(self, ray):
        denom = self.normal_vec.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal_vec) / denom
        return t if t > 1e-6 else None

    def normal(self, point):
        return self.normal_vec


class Scene:
    def __init__(self, objects, light):
        self.objects = objects
        self.light = light

    def closest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def trace(self, ray):
        obj, t = self.closest(ray)
        if obj is None:
            return 0.1
        point = ray.at(t)
        normal = obj.normal(point)
        to_light = (self.light - point).norm()
        shadow_obj, _ = self.closest(Ray(point, to_light))
        lambert = max(0.0, normal.dot(to_light))
        if shadow_obj is not None:
            lambert *= 0.3
        return obj.shade * (0.15 + 0.85 * lambert)


def render(width, height):
    scene = Scene(
        [
            Sphere(Vec(0.0, 1.0, 5.0), 1.0, 0.9),
            Sphere(Vec(-1.8, 0.6, 6.0), 0.6, 0.7),
            Sphere(Vec(1.7, 0.8, 4.5), 0.8, 0.8),
            Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), 0.5),
        ],
        Vec(-3.0, 6.0, 0.0),
    )
    eye = Vec(0.0, 1.2, -1.0)
    rows = []
    for j in range(height):
        row = []
        for i in range(width):
            x = (i - width / 2) / width * 1.6
            y = (height / 2 - j) / height * 1.2
            ray = Ray(eye, Vec(x, y + 0.05, 1.0).norm())
            row.append(scene.trace(ray))
        rows.append(row)
    return rows


image = render(400, 300)
palette = " .:-=+*#%@"
for j in range(0, len(image), 20):
    line = "".join(palette[min(9, int(v * 10))] for v in image[j][::6])
    print(line.rstrip())
print("checksum %.6f" % sum(sum(row) for row in image))
