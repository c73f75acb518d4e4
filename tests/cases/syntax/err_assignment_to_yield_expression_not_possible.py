def f(x):
    return
    yield 1 = 2
