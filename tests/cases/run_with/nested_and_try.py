# with statements combined with try/except/finally in every nesting order.
import sys


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress


# with in try: the except clause runs after __exit__.
try:
    with CM("a"):
        raise ValueError("a")
except ValueError:
    print("except after exit")
finally:
    print("finally")

# try in with: the exception is handled before __exit__ sees anything.
with CM("b"):
    try:
        raise KeyError("b")
    except KeyError:
        print("handled inside")
    else:
        print("no else")

# with in except: the handled exception is not passed to __exit__.
try:
    raise TypeError("handled")
except TypeError:
    with CM("c"):
        print("in handler, exc_info:", sys.exc_info()[0].__name__)
    print("handler still active:", sys.exc_info()[0].__name__)

# bare raise inside a with inside a handler reaches __exit__.
try:
    try:
        raise IndexError("first")
    except IndexError:
        with CM("d"):
            raise
except IndexError as e:
    print("re-raised", e)

# with in finally.
try:
    try:
        raise LookupError("pending")
    finally:
        with CM("e", suppress=True):
            raise RuntimeError("in finally")
        print("finally continues")
except LookupError as e:
    print("pending exception survives:", e)

# Inner suppresses, outer sees nothing.
with CM("outer"):
    with CM("inner", suppress=True):
        raise ValueError("stopped at inner")
    print("between")

# Inner does not suppress, outer does.
with CM("outer2", suppress=True):
    with CM("inner2"):
        raise ValueError("stopped at outer")
    print("not reached")
print("after outer2")

# Deep nesting.
def nest(depth):
    if depth == 0:
        raise ZeroDivisionError("bottom")
    with CM("level%d" % depth, suppress=(depth == 3)):
        nest(depth - 1)
        print("not reached at", depth)
    print("continuing at", depth)


nest(4)

# except* is not involved; an exception raised inside except inside with.
with CM("f", suppress=True):
    try:
        raise KeyError("x")
    except KeyError:
        raise AttributeError("from handler")
print("done")
