# vars(), __dict__, dir() and __class__ of instances and classes.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0


class Square(Shape):
    sides = 4

    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side ** 2


s = Square(3)
print(vars(s), s.__dict__, s.__class__, s.__class__.__name__, s.__class__.__base__)
s.__dict__["color"] = "red"
print(s.color, vars(s))
print([n for n in dir(s) if not n.startswith("__")])
print([n for n in dir(Square) if not n.startswith("__")])
print(list(vars(Square)), "area" in Square.__dict__)
print(Square.__dict__["sides"], type(Square.__dict__).__name__, len(Square.__dict__) > 2)
print("__init__" in dir(s), "__dict__" in dir(s), "__weakref__" in dir(Shape))
d = s.__dict__
s.extra = 1
print(d, "extra" in d)
del s.name
print(vars(s))
s.name = "again"
print(list(vars(s)))
