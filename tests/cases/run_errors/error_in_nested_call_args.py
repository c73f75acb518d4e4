def f(x):
    return x
print(f(f(f(1))))
print(f(f([][0])))
