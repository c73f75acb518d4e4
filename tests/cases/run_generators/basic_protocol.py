# The iterator protocol of generator objects.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


g = count_up(3)
print(type(g))
print(type(g).__name__)
print(repr(g).split(" at 0x")[0])
print(iter(g) is g)
print(next(g), next(g), next(g))
print(next(g, "done"))
print(next(g, None))
print(list(g))
print(list(count_up(5)))
print(tuple(count_up(4)))


def outer():
    def inner():
        yield "x"
    return inner()


print(repr(outer()).split(" at 0x")[0])
print(outer().__name__, outer().__qualname__)
print(count_up.__name__, count_up(1).__name__, count_up(1).__qualname__)
print(bool(count_up(0)))
h = count_up(2)
print(h.__next__(), h.__next__(), next(h, "end"))
print(h.__iter__() is h)


# A function containing yield anywhere is a generator, even when it is never reached.
def never():
    if False:
        yield 1
    print("body runs only when iterated")
    return 5


n = never()
print("created")
print(list(n))
print(list(n))
