# close() and throw() against with statements in generators: __exit__
# suppressing GeneratorExit, raising during close(), and yield from.
class CM:
    def __init__(self, name, suppress=(), fail=None):
        self.name = name
        self.suppress = suppress
        self.fail = fail

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        if self.fail is not None and t is not None:
            raise self.fail
        return t is not None and issubclass(t, self.suppress)


# Suppressing GeneratorExit and returning: close() is satisfied.
def quiet():
    with CM("quiet", suppress=GeneratorExit):
        yield 1
    print("after the with in quiet")


g = quiet()
next(g)
g.close()
print("quiet closed")


# Suppressing GeneratorExit and yielding again: RuntimeError.
def stubborn():
    for i in range(2):
        with CM("stubborn", suppress=GeneratorExit):
            yield "value"


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
# Finish it (it is suspended in the second round).
print(list(g))


# Delegation: close() and throw() reach the inner generator's with first.
def inner():
    with CM("inner"):
        yield "i1"
        yield "i2"


def outer():
    with CM("outer", suppress=KeyError):
        yield from inner()
    yield "outer resumed"


g = outer()
print(next(g))
print(g.throw(KeyError("k")))
g.close()

g = outer()
print(next(g))
g.close()
print("outer closed")


# __exit__ raising during close(): the error comes out of close().
def failing():
    with CM("failing", fail=ValueError("exit failed during close")):
        yield 1


g = failing()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", e, "| context:", type(e.__context__).__name__)

g = failing()
next(g)
g.close()
