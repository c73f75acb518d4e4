# Class patterns with __match_args__ and keyword sub-patterns.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point3(x, y, z) if z == 0:
            return f"flat 3d point {x},{y}"
        case Point3(_, _, z=z):
            return f"3d point at height {z}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"somewhere: {p}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point3(1, 2, 0), Point3(1, 2, 3),
          Point(4, 4), Point(1, 2), (0, 0), None]:
    print(where(p))

# Keyword-only class patterns need no __match_args__.
class Plain:
    def __init__(self, **kw):
        self.__dict__.update(kw)


match Plain(a=1, b=2):
    case Plain(a=1, b=b, c=c):
        print("wrong: no attribute c")
    case Plain(a=1, b=b):
        print("b =", b)

# Attributes looked up on the subject: properties and class attributes count.
class WithProp:
    kind = "class attribute"

    @property
    def area(self):
        print("  computing area")
        return 12


match WithProp():
    case WithProp(kind=k, area=a):
        print(k, a)

# Subclass instances match the base class pattern.
class Base:
    pass


class Derived(Base):
    pass


match Derived():
    case Base():
        print("Derived() matches Base()")

# Nested class patterns.
class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start, self.end = start, end


match Line(Point(0, 0), Point(3, 4)):
    case Line(Point(x1, y1), Point(x2, y2)):
        print("length squared", (x2 - x1) ** 2 + (y2 - y1) ** 2)
