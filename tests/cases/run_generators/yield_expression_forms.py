# yield in expressions: bare, parenthesized, in calls, lambdas, conditions.
def forms():
    x = yield
    print("x", x)
    y = (yield 1) + 10
    print("y", y)
    print("call", (yield 2), (yield 3))
    z = [(yield 4), (yield 5)]
    print("z", z)
    while (yield "cond"):
        print("loop body")
    w = yield from ()
    print("w", w)
    return "end"


g = forms()
print(next(g))
print(g.send("a"))
print(g.send(5))
print(g.send("p"))
print(g.send("q"))
print(g.send("r"))
print(g.send("s"))
print(g.send(True))
print(next(g, "stopped"))


lam = lambda: (yield 1)
lg = lam()
print(type(lg).__name__, next(lg), next(lg, "lambda done"))


def conditional(flag):
    if flag:
        yield "yes"
    else:
        return "no yield"
    yield "after"


print(list(conditional(True)), list(conditional(False)))


def unpack_yield():
    a, b = yield
    yield a * b


u = unpack_yield()
next(u)
print(u.send((6, 7)))


def aug():
    total = 1
    total += yield total
    total *= yield total
    yield total


ag = aug()
print(next(ag), ag.send(4), ag.send(3))
print(f"{sum(x for x in range(3))}")
