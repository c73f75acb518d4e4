match x:
    case 1:
        pass
    case _:
        pass
    case 2:
        pass
