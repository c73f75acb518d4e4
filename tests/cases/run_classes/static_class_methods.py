# @staticmethod and @classmethod, through classes, instances and subclasses.
class Temp:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


class Kelvin(Temp):
    scale = "K"


print(Temp.c_to_f(100), Temp(1).c_to_f(0), Temp.from_f(212).degrees)
k = Kelvin.from_f(32)
print(type(k).__name__, k.degrees, Kelvin.describe(), k.describe(), Temp.describe())
sm = Temp.__dict__["c_to_f"]
cm = Temp.__dict__["from_f"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(10), cm.__func__(Temp, 50).degrees)
print(isinstance(Temp.from_f, type(k.describe)), Temp.c_to_f is Kelvin.c_to_f)


def plain(x):
    return x + 1


class Holder:
    f = staticmethod(plain)
    g = classmethod(lambda cls, y: (cls.__name__, y))


print(Holder.f(1), Holder().f(2), Holder.g(3), Holder().g(4))
