# with statements in generators: the body suspends at yield with the
# manager entered; close(), throw() and exhaustion all reach __exit__.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress


def gen():
    with CM("g") as name:
        yield name + "1"
        yield name + "2"
    yield "after"


for x in gen():
    print("got", x)

# close() at a yield inside the body: __exit__ sees GeneratorExit.
g = gen()
print(next(g))
g.close()
print("closed")

# throw() at a yield: __exit__ sees it; without suppression it escapes.
g = gen()
print(next(g))
try:
    g.throw(ValueError("thrown"))
except ValueError as e:
    print("escaped", e)


# With suppression the generator carries on after the with.
def suppressing():
    with CM("s", suppress=True):
        yield 1
        yield 2
    yield "resumed after with"


g = suppressing()
print(next(g))
print(g.throw(KeyError("k")))
print(list(g))


# yield inside several items, with a loop.
def several():
    with CM("a") as a, CM("b") as b:
        for i in range(2):
            yield a, b, i


print(list(several()))


# return inside with inside a generator.
def early():
    with CM("early"):
        yield "only"
        return "done"
    yield "never"


g = early()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


# send() into a suspended with body.
def echo():
    with CM("echo"):
        received = yield "ready"
        while received is not None:
            received = yield "echo " + received


g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration:
    print("echo finished")


# A manager whose __enter__ and __exit__ are themselves driven by a
# generator (the contextlib.contextmanager idea, written out).
class GeneratorCM:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, t, v, tb):
        if t is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(v)
        except StopIteration:
            return True
        except BaseException as e:
            if e is v:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args):
        return GeneratorCM(func(*args))

    return helper


@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ZeroDivisionError:
        print("handled division in", name)
    finally:
        print("</%s>" % name)


with tag("p") as t:
    print("inside", t)
with tag("div"), tag("span"):
    print("nested tags")
with tag("math"):
    1 / 0
print("suppressed by the generator")
try:
    with tag("err"):
        raise KeyError("not handled")
except KeyError as e:
    print("propagated", e)


# A generator expression consumed inside a with body.
with CM("genexpr"):
    print(sum(x * x for x in range(5)))
