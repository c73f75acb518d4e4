# An error while binding the `as` target happens inside the with: __exit__
# receives it (and may suppress it).
class CM:
    def __init__(self, value, suppress=False):
        self.value = value
        self.suppress = suppress

    def __enter__(self):
        print("enter")
        return self.value

    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return self.suppress


try:
    with CM((1, 2, 3)) as (a, b):
        print("not reached")
except ValueError as e:
    print("caught", e)

with CM(5, suppress=True) as (a, b):
    print("not reached")
print("suppressed the unpacking error")


class Slots:
    __slots__ = ("ok",)


s = Slots()
try:
    with CM("v") as s.missing:
        pass
except AttributeError as e:
    print("caught", e)

t = (1, 2)
try:
    with CM("v") as t[0]:
        pass
except TypeError as e:
    print("caught", e)

with CM("v") as {}["fine"]:
    print("subscript of a fresh dict")

with CM([1]) as [*rest]:
    print(rest)

with CM(3) as [x, y]:
    pass
