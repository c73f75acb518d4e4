x = not a == b is not c not in d in e
