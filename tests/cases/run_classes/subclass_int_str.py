# Subclasses of immutable builtins: int, str, float, tuple.
class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"

    def double(self):
        return Meters(self * 2)


m = Meters(21)
print(m, repr(m), m + 1, type(m + 1).__name__, m.double(), type(m.double()).__name__)
print(m == 21, m < 30, hash(m) == hash(21), {m: "x"}[21], int(m), float(m), -m, abs(Meters(-3)))
print(isinstance(m, int), [10, 20, 30][Meters(1)], range(Meters(3)), str(m), f"{m:05d}")


class Name(str):
    def shout(self):
        return self.upper() + "!"


n = Name("ada")
print(n, n.shout(), n + "x", len(n), n[0], n == "ada", type(n.upper()).__name__, "a" in n)
print(n.split("d"), {n: 1}["ada"], f"{n:>5}", "%s" % n, repr(n))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), type(p).__name__, isinstance(p, tuple))


class Ratio(float):
    pass


r = Ratio(0.5)
print(r, r * 2, type(r * 2).__name__, round(r, 1), isinstance(r, float))
