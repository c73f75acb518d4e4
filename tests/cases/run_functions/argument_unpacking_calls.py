def f(a, b, c=0, *rest, d=1, **kw):
    return a, b, c, rest, d, kw
print(f(*(1, 2)))
print(f(1, *[2, 3, 4], d=5))
print(f(**{"a": 1, "b": 2, "e": 3}))
print(f(*"xy", *"z", **{"d": 0}, q=1))
args = [10, 20]
print(f(*args, *args))
