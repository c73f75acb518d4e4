def inner():
    yield "inner 1"
    yield "inner 2"


def outer():
    yield "outer 0"
    yield from inner()
    yield "outer end"


g = outer()
print(next(g))
print(next(g))
print(g.gi_yieldfrom is not None, g.gi_suspended)
g.throw(TypeError("into the delegate"))
