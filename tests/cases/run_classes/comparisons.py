# Rich comparisons: reflection, identity fallback for ==, sorting.
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self == other or self < other

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, a <= c, b > a, b >= a, a > b)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))
print(a == (1, 2), a != "x", Version(3) in [a, b, Version(3)])
print([a, b].index(Version(1, 10)), [a, b, c].count(Version(1, 2)))


class Weird:
    def __eq__(self, other):
        return "maybe"

    def __lt__(self, other):
        return [1]


w = Weird()
print(w == 1, 1 == w, w < 2, 2 > w, bool(w == 0))
if w < 3:
    print("truthy result")


class Plain:
    pass


p, q = Plain(), Plain()
print(p == p, p == q, p != q, p is p)
