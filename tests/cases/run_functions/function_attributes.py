def f(a, b=2, *c, d, e=5, **g):
    "doc string here"
    x = 1
    return x
print(f.__name__)
print(f.__doc__)
print(f.__defaults__)
print(f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount)
print(f.__code__.co_varnames)
def g():
    pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__)
