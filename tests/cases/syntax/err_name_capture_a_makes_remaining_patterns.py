match x:
    case a:
        pass
    case 2:
        pass
