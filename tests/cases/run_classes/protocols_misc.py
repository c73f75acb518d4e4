# More consumers of the protocols: reversed(), the mapping protocol of
# dict()/**, divmod, math functions, % formatting and round().
import math


class Deck:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return f"card{i}"


class Backwards:
    def __reversed__(self):
        return iter("cba")


print(list(reversed(Deck(3))), list(reversed(Backwards())))


class Settings:
    def keys(self):
        return ["color", "size"]

    def __getitem__(self, key):
        return key.upper()


def show(**kw):
    return sorted(kw.items())


print(dict(Settings()), {**Settings(), "x": 1}, show(**Settings()))
d = {"a": 0}
d.update(Settings())
print(d)


class Num:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return float(self.v)

    def __index__(self):
        return int(self.v)

    def __divmod__(self, other):
        return ("divmod", self.v, other)

    def __rdivmod__(self, other):
        return ("rdivmod", other, self.v)

    def __round__(self, n=None):
        return ("round", n)


print(math.sqrt(Num(16)), math.floor(Num(2)), "%d %x %.2f" % (Num(7), Num(255), Num(3)))
print(divmod(Num(7), 2), divmod(7, Num(2)), round(Num(1)), round(Num(1), 2), round(2.567, Num(1)))


class Annotated:
    x: int = 3
    y: "str"
    __hidden: float = 1.5


print(Annotated.x, Annotated.__annotations__, hasattr(Annotated, "y"))
print(divmod(Deck(1), 2))
