match 0:
    case -0 | 1:
        pass
    case _:
        pass
    case 2:
        pass
