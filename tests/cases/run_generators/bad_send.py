def gen():
    yield 1
    yield 2


g = gen()
print(g.send(None))
print(g.send("anything"))
fresh = gen()
fresh.send(42)
