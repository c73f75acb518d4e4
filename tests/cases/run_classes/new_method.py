# __new__: allocation before __init__, returning other objects, caching.
class Interned:
    _cache = {}

    def __new__(cls, name):
        print("new", name)
        if name in cls._cache:
            return cls._cache[name]
        obj = super().__new__(cls)
        cls._cache[name] = obj
        return obj

    def __init__(self, name):
        print("init", name)
        self.name = name


a = Interned("x")
b = Interned("x")
c = Interned("y")
print(a is b, a is c, a.name, sorted(Interned._cache))


class NotMine:
    def __new__(cls, v):
        return [v]

    def __init__(self, v):
        print("never called")


print(NotMine(3), type(NotMine(4)).__name__)


class Child(Interned):
    pass


d = Child("z")
print(type(d).__name__, d.name, isinstance(d, Interned))


class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())


u = Upper("shout")
print(u, type(u).__name__, len(u), u.lower())
print(object.__new__(Child).__class__.__name__)
