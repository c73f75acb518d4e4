# `__match_args__` that is not a tuple, found in a nested function call.
class Vec:
    __match_args__ = ["x", "y"]

    def __init__(self, x, y):
        self.x, self.y = x, y


def norm1(v):
    match v:
        case Vec(x=0, y=0):
            return 0
        case Vec(x,
                 y):
            return abs(x) + abs(y)


def total(vs):
    return sum(norm1(v) for v in vs)


print(norm1(Vec(0, 0)))
print(total([Vec(0, 0), Vec(1, 2)]))
