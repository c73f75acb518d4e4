# __enter__ and __exit__ that use with statements themselves, handle
# exceptions of their own, and see the right exception being handled.
import sys


class Inner:
    def __enter__(self):
        print("    inner enter, handling:", type(sys.exc_info()[1]).__name__)
        return self

    def __exit__(self, t, v, tb):
        print("    inner exit got", t.__name__ if t else None)
        return t is ZeroDivisionError


class Outer:
    def __enter__(self):
        with Inner():
            print("  outer enter body")
        return "outer"

    def __exit__(self, t, v, tb):
        print("  outer exit got", t.__name__ if t else None)
        with Inner():
            print("  handling in outer exit:", type(sys.exc_info()[1]).__name__)
            1 / 0
        print("  outer exit still handling:", type(sys.exc_info()[1]).__name__)
        try:
            raise KeyError("private")
        except KeyError:
            pass
        print("  after private try:", type(sys.exc_info()[1]).__name__)
        return t is ValueError


print("normal:")
with Outer() as o:
    print("  body", o)
print("exception:")
with Outer():
    raise ValueError("suppressed by Outer")
print("after:", sys.exc_info())


# The same manager instance used recursively.
class Depth:
    def __init__(self):
        self.depth = 0

    def __enter__(self):
        self.depth += 1
        return self.depth

    def __exit__(self, *a):
        self.depth -= 1


d = Depth()


def recurse(n):
    with d as level:
        if n:
            return [level] + recurse(n - 1)
        return [level]


print(recurse(4), d.depth)


# del of the target inside the body, then use after the with.
class Value:
    def __enter__(self):
        return 99

    def __exit__(self, t, v, tb):
        print("exit with", t.__name__ if t else None)
        return t is UnboundLocalError


def deleted():
    with Value() as x:
        del x
        print(x)
    return "suppressed UnboundLocalError"


print(deleted())


def closure():
    with Value() as captured:
        fns = [lambda: captured + i for i in range(3)]
    return [f() for f in fns]


print(closure())
