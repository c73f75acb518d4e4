def guarded():
    print("started")
    yield 1
    print("never printed")
    yield 2


g = guarded()
print(next(g))
g.throw(ValueError("bad value"))
