match *x, y:
    case a:
        pass
