def three():
    yield 1
    yield 2
    yield 3


a, b, c = three()
print(a, b, c)
x, *y = three()
print(x, y)
p, q = three()
