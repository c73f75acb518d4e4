def gen():
    yield 1


g = gen()
print(g.__name__, g.__qualname__)
g.missing_attribute
