# Implicit chaining around with statements: exceptions raised by __exit__
# get the body's exception as __context__; `raise ... from` in __exit__;
# re-raising the received exception; exceptions raised in the body while
# an outer handler runs.
class Raises:
    def __init__(self, make):
        self.make = make

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        raise self.make(v)


def describe(e):
    chain = []
    while e is not None:
        chain.append("%s(%s)" % (type(e).__name__, e))
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return " <- ".join(chain)


try:
    with Raises(lambda v: RuntimeError("from exit")):
        raise ValueError("body")
except RuntimeError as e:
    print(describe(e))

try:
    with Raises(lambda v: RuntimeError("exit, explicit cause")):
        raise ValueError("body")
except RuntimeError as e:
    print(describe(e), e.__context__ is not None)


class RaisesFrom:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if v is not None:
            raise TypeError("converted") from v


try:
    with RaisesFrom():
        raise KeyError("original")
except TypeError as e:
    print(describe(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__))


class RaisesFromNone:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if v is not None:
            raise TypeError("hidden") from None


try:
    with RaisesFromNone():
        raise KeyError("original")
except TypeError as e:
    print(describe(e), e.__suppress_context__, repr(e.__context__))


# __exit__ re-raising the exception it received: same object, no new context.
class Reraises:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        if v is not None:
            raise v


try:
    with Reraises():
        raise IndexError("same")
except IndexError as e:
    print("reraised", e, e.__context__)


# The body's exception is chained to the exception being handled outside.
try:
    try:
        raise KeyError("outer")
    except KeyError:
        with Raises(lambda v: NameError("exit")):
            raise ValueError("inner")
except NameError as e:
    print(describe(e))


# Nested managers: the inner __exit__'s exception goes to the outer one.
class Report:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        print("outer __exit__ got", describe(v))
        return True


with Report():
    with Raises(lambda v: OSError("inner exit")):
        raise ValueError("body")

# Chained traceback printed for an uncaught exception.
with Raises(lambda v: RuntimeError("cleanup failed: " + str(v))):
    {}["key"]
