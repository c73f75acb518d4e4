def f(**kw):
    return kw
print(f())
print(f(a=1, b=2))
print(f(**{"x": 1}, y=2))
def g(a, *args, b=5, **kw):
    return a, args, b, kw
print(g(1))
print(g(1, 2, 3, b=4, c=5, d=6))
print(g(a=0, z=1))
d = {"b": 1, "a": 2}
print(g(**d))
print(type(f()).__name__)
