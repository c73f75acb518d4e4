# An uncaught TypeError of a class pattern: the traceback points at the
# class pattern.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def classify(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, y, z):
            return "3d?"


print(classify(Point(0, 0)))
print(classify(Point(1, 0)))
