def f(**kw):
    return list(kw.items())
print(f(z=1, a=2, m=3))
def g(*args, **kw):
    return args, kw
print(g(3, 2, 1, y=0, x=9))
print(g(*[1], **{"b": 2, "a": 1}))
d = {"c": 3}
print(f(a=1, **d, b=2))
