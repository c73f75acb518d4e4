match x:
    case f():
        pass
    case 1 + y:
        pass
