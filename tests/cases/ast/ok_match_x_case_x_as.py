match x:
    case (x as y) as z:
        pass
