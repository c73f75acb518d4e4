print("never")
match 1:
    case (1 as x) | (2 as y):
        pass
