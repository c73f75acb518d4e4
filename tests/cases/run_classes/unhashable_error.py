# A class defining __eq__ without __hash__ is unhashable.
class Point:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return self.x == other.x


print(Point(1) == Point(1))
cache = {}
cache[Point(1)] = "one"
