# Several items: entered left to right, exited right to left; each item's
# expression is evaluated only after the previous __enter__; the
# parenthesized forms of Python 3.10+.
class CM:
    def __init__(self, name):
        print("make", name)
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)


with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)

with CM("d"), CM("e") as e:
    print("body", e)

with (CM("f") as f, CM("g") as g):
    print("body", f, g)

with (
    CM("h") as h,
    CM("i"),
    CM("j") as j,
):
    print("body", h, j)

with (CM("k")):
    print("parenthesized single item")

with (CM("l"), CM("m")):
    print("tuple-looking items")


# A later item sees the names bound by the earlier ones.
class Wrap:
    def __init__(self, inner):
        self.inner = inner

    def __enter__(self):
        print("wrap enter", self.inner)
        return [self.inner]

    def __exit__(self, *a):
        print("wrap exit", self.inner)


with CM("n") as n, Wrap(n) as w:
    print("body", n, w)


# An exception in the body reaches every __exit__, innermost first.
try:
    with CM("o"), CM("p"), CM("q"):
        raise ValueError("boom")
except ValueError as err:
    print("caught", err)


# An exception from a later item's expression exits the earlier ones only.
def fails():
    raise KeyError("no manager")


try:
    with CM("r") as r, fails() as s, CM("never"):
        print("not reached")
except KeyError as err:
    print("caught", repr(err))
