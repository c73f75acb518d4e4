# A subclass's reflected method is tried first.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return f"Num.__add__({self.v}, {o.v})"

    def __radd__(self, o):
        return f"Num.__radd__({self.v}, {o.v})"


class Sub(Num):
    def __radd__(self, o):
        return f"Sub.__radd__({self.v}, {o.v})"


print(Num(1) + Num(2))
print(Num(1) + Sub(2))
print(Sub(1) + Num(2))


class Never:
    def __add__(self, o):
        return NotImplemented

    def __radd__(self, o):
        return NotImplemented


print(Never() + 1)
