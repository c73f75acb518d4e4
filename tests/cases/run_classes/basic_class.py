# The class statement: attributes, methods, __init__, docstrings and names.
class Point:
    """A point in the plane."""

    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
q = p.moved(1).moved(dy=2, dx=0)
print(q.x, q.y, type(q) is Point, type(q).__name__)
print(Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point.norm2(p), Point.__init__.__name__, Point.moved.__qualname__)
print(Point(7).y, Point(y=1, x=2).x)


class Empty:
    pass


e = Empty()
e.a = 1
e.b = [e.a]
print(e.a, e.b, Empty.__doc__, isinstance(e, Empty), isinstance(e, object))
print(type(Empty), type(type(e)), Empty)
print(repr(e).startswith("<__main__.Empty object at 0x"), str(e) == repr(e))
