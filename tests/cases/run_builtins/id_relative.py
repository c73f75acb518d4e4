a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c)
print(id(None) == id(None), type(id(a)).__name__, id(a) > 0)
x = None
print(x is None, None is None)
