# Every consumer of iterables accepts generators.
def gen(n):
    for i in range(n):
        yield i


def words():
    yield "b"
    yield "a"
    yield "c"


print(list(gen(3)), tuple(gen(3)), set(gen(3)))
print(dict(zip(words(), gen(3))))
print(dict((w, i) for i, w in enumerate(words())))
print(sorted(words()), sorted(words(), reverse=True))
print(sorted(gen(4), key=lambda v: -v))
print(sum(gen(5)), sum(gen(5), 100), sum((x / 2 for x in gen(3)), 0.5))
print(min(gen(4)), max(gen(4)), min(words()), max(words(), key=ord))
print(min(gen(0), default="empty"), max(gen(0), default=None))
print(any(gen(0)), any(gen(2)), all(gen(0)), all(gen(3)))
print(list(enumerate(words(), 1)))
print(list(zip(gen(5), words())))
print(list(map(lambda a, b: a * b, gen(3), gen(4))))
print(list(filter(None, gen(4))), list(filter(lambda v: v % 2, gen(6))))
print(", ".join(words()))
print(2 in gen(4), 9 in gen(4), 3 not in gen(2))
a, b, c = words()
print(a, b, c)
first, *rest = gen(4)
print(first, rest)
*init, last = gen(3)
print(init, last)
print([*gen(3), *words()])
print((*gen(2),))
print({*gen(3)})


def show(*args):
    return args


print(show(*gen(3)))
lst = [9]
lst.extend(gen(2))
lst += gen(2)
print(lst)
s = {100}
s.update(gen(2))
print(sorted(s))
d = {}
d.update((w, w.upper()) for w in words())
print(d)
print(list(reversed(list(gen(3)))))
print(next(iter(gen(2))))
print(list(iter(gen(2))))
print(len(list(gen(10))))
print(frozenset(gen(2)) == frozenset([0, 1]))
print(str(list(x for x in "xyz")))
print(max(gen(3), key=lambda v: v % 2))
total = 0
for i, w in zip(gen(10), words()):
    total += i
print(total)
for x in gen(3):
    for y in gen(x):
        print(x, y, end="; ")
print()
mapped = map(str, gen(3))
print(list(mapped), list(mapped))
big = sum(x * x for x in range(100000))
print(big)
print(sum(2 ** 70 + x for x in gen(3)))
