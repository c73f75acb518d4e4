def gen():
    yield 1
    yield 2
    yield 3


g = gen()
print(next(g))
print(g.gi_suspended, g.gi_running)
print(g.close())
print(g.gi_suspended)
print(next(g, "after close"))
print(list(g))
print(g.close())

fresh = gen()
fresh.close()
print(list(fresh))


def outer():
    yield from gen()


o = outer()
print(next(o), next(o))
inner = o.gi_yieldfrom
print(type(inner).__name__, inner.gi_suspended)
o.close()
print(next(o, "outer closed"), next(inner, "inner closed too"))

done = gen()
print(list(done), done.close())
print(gen().gi_yieldfrom, o.gi_yieldfrom)
