match x:
    case (1 | 2) as y if y > 0:
        pass
    case [1, *rest] | (2, *rest):
        pass
    case {"a": 1, **rest}:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case -1 | 1.5 | -2j | 1+2j | -1-2j | "s" | b"b" | None | True:
        pass
    case a.b.c:
        pass
    case *x,:
        pass
