# property: getters, setters, deleters, docstrings, and property() calls.
class Celsius:
    def __init__(self, t):
        self._t = t

    @property
    def t(self):
        "temperature"
        print("get")
        return self._t

    @t.setter
    def t(self, v):
        print("set", v)
        self._t = v

    @t.deleter
    def t(self):
        print("del")
        self._t = None

    def _fahr(self):
        return self._t * 9 / 5 + 32

    fahrenheit = property(_fahr, doc="in F")


c = Celsius(10)
print(c.t)
c.t = 20
print(c.t, c.fahrenheit)
del c.t
print(c._t, Celsius.t.__doc__, Celsius.fahrenheit.__doc__, type(Celsius.t).__name__)
print(Celsius.t.fget is not None, Celsius.fahrenheit.fset, Celsius.t.fdel is not None)


class Square:
    def __init__(self, side):
        self.side = side

    area = property(lambda self: self.side ** 2)


sq = Square(3)
print(sq.area)
sq.side = 5
print(sq.area)
sq.area = 1
