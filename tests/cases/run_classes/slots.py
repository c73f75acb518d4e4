# __slots__: fixed attributes, no __dict__, member descriptors, inheritance.
class Pair:
    __slots__ = ("first", "second")

    def __init__(self, a, b):
        self.first = a
        self.second = b


p = Pair(1, 2)
print(p.first, p.second, Pair.__slots__, type(Pair.first).__name__)
p.first = 10
del p.second
print(p.first, hasattr(p, "second"), hasattr(p, "__dict__"))
p.second = 3
print(p.second)


class Triple(Pair):
    __slots__ = ("third",)


t = Triple(1, 2)
t.third = 3
print(t.first, t.second, t.third, hasattr(t, "__dict__"))


class Loose(Pair):
    pass


lo = Loose(5, 6)
lo.extra = 7
print(lo.first, lo.extra, lo.__dict__)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
p.third = 4
