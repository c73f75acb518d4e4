# match statements in class bodies and methods (private names are mangled).
class Shape:
    kind = ("circle", 2.0)
    match kind:
        case ("circle", r):
            area = 3.0 * r * r
        case ("square", s):
            area = s * s

    def __init__(self, spec):
        match spec:
            case {"w": w, "h": h}:
                self.__w, self.__h = w, h
            case [w, h]:
                self.__w, self.__h = w, h
            case int(side) | float(side):
                self.__w = self.__h = side

    def size(self):
        match self:
            case Shape(_Shape__w=w, _Shape__h=h):
                return (w, h)

    def describe(self):
        match (self.__w, self.__h):
            case (w, h) if w == h:
                return f"square {w}"
            case (w, h):
                return f"rectangle {w}x{h}"


print(Shape.area, "r" in Shape.__dict__, "s" in Shape.__dict__)
for spec in [{"w": 2, "h": 3}, [4, 4], 5, 1.5]:
    s = Shape(spec)
    print(s.size(), s.describe())


class Private:
    def __init__(self):
        self.__secret = 42

    def peek(self, other):
        match other:
            case Private(__secret=v):
                return v
        return "no __secret attribute (keyword names are not mangled)"


print(Private().peek(Private()))
