# Where errors raised while matching are reported.
class Angry:
    def __eq__(self, other):
        raise ArithmeticError("no comparing")


class Box:
    value = 3


def value_error(v):
    match v:
        case 1:
            return "one"
        case Box.value:
            return "three"


try:
    value_error(Angry())
except ArithmeticError as e:
    print("ArithmeticError:", e)


class BadLen(list):
    def __len__(self):
        raise LookupError("no len")


try:
    match BadLen([1]):
        case [x]:
            print("wrong")
except LookupError as e:
    print("LookupError:", e)


class Falsy:
    def __bool__(self):
        raise ZeroDivisionError("bad truth")


def guard_error(v):
    match v:
        case [a,
              b] if Falsy():
            return "wrong"


guard_error([1, 2])
