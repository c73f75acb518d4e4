# An exception from `==` in a value pattern, uncaught.
class Strict:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if not isinstance(other, Strict):
            raise TypeError(f"cannot compare Strict with {type(other).__name__}")
        return self.v == other.v


class Limits:
    LOW = Strict(0)
    HIGH = 100


def check(s):
    match s:
        case Limits.LOW:
            return "low"
        case [Limits.HIGH, _]:
            return "high pair"
        case Limits.HIGH:
            return "high"


print(check(Strict(0)))
print(check([Strict(1), 2]))
