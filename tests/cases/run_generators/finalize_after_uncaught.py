# A generator left suspended in a try/finally is closed at exit, after the
# uncaught exception's traceback; a finalizer's own output still appears.
def g():
    try:
        yield 1
    finally:
        print("closed at exit")


class Resource:
    closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.closed = True
        print("resource closed by", exc[0].__name__)


def h(r):
    with r:
        yield r.closed


keep = g()
next(keep)
res = Resource()
users = h(res)
print("closed while suspended:", next(users))
raise KeyError("boom")
