# Class patterns use isinstance(), so a metaclass __instancecheck__ counts.
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        print("  instancecheck", obj)
        return isinstance(obj, int) and obj % 2 == 0


class Even(metaclass=EvenMeta):
    pass


for v in [2, 3, "4"]:
    match v:
        case Even():
            print(v, "is Even")
        case _:
            print(v, "is not Even")


class Duck:
    __match_args__ = ("sound",)
    sound = "quack"


class Robot:
    sound = "beep"


class DuckMeta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "sound")


class AnyDuck(metaclass=DuckMeta):
    __match_args__ = ("sound",)


for thing in [Duck(), Robot(), 5]:
    match thing:
        case AnyDuck(s):
            print(type(thing).__name__, "says", s)
        case _:
            print(type(thing).__name__, "is silent")

# Exceptions as subjects.
def handle(e):
    match e:
        case KeyError(args=(k,)):
            return f"missing key {k!r}"
        case OSError(errno=None):
            return "os error without errno"
        case ValueError() | TypeError():
            return f"bad value: {e}"
        case Exception():
            return f"other {type(e).__name__}"


for e in [KeyError("x"), OSError("disk"), ValueError("v"), TypeError("t"), RuntimeError()]:
    print(handle(e))
