# Value patterns: dotted names compared with ==, looked up each time.
class Color:
    RED = 1
    GREEN = 2
    BLUE = 3


class Consts:
    class Inner:
        ANSWER = 42


import math


def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Color.BLUE:
            return "blue"
        case Consts.Inner.ANSWER:
            return "the answer"
        case math.pi:
            return "pi"
        case _:
            return "unknown"


for c in [1, 2, 3, 42, math.pi, 3.0, 4]:
    print(c, color(c))

# The value is read at match time.
Color.RED = 10
print(color(10), color(1))


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"  Loud({self.v}) == {other!r}")
        return self.v == other


class Box:
    pass


Box.item = 5
# subject == value: the subject's __eq__ runs first.
match Loud(5):
    case Box.item:
        print("Loud(5) matched Box.item")

# A value whose __eq__ answers something that is not a bool: its truth counts.
class Weird:
    def __eq__(self, other):
        return "yes" if other == 1 else ""


match Weird():
    case Color.GREEN:
        print("wrong")
    case 1:
        print("Weird matched 1")
