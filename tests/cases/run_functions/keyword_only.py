def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2))
print(f(1, c=0, b=9))
def g(*args, sep):
    return sep.join(args)
print(g("a", "b", sep="+"))
def h(*, x=1, y=2):
    return x * 10 + y
print(h(), h(y=5), h(x=3, y=4))
