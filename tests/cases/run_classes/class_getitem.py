# __class_getitem__ and subscripting a class without it.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


class Plain:
    pass


Plain[int]
