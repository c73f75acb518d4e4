# An object without __index__ used as a list index.
class NotAnIndex:
    pass


items = [1, 2, 3]
print(items[1])
print(items[NotAnIndex()])
