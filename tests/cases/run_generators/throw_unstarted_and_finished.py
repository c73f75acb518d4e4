def gen():
    print("body")
    yield 1


a = gen()
print(a.close(), next(a, "closed before start"))
b = gen()
print(list(b))
b.throw(IndexError("thrown into a finished generator"))
