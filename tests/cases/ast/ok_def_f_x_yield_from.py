def f():
    x = yield from y
    z = yield
    w = yield 1, 2
