# Generator expressions: own scope, first iterable evaluated at once, lazy.
def source(tag, n):
    print("evaluating source", tag)
    return range(n)


g = (x * 2 for x in source("a", 3))
print("genexpr created")
print(next(g))
print(list(g))

log = []


def noisy(x):
    log.append(x)
    return x


lazy = (noisy(x) for x in range(5))
print(log)
print(next(lazy), next(lazy))
print(log)

# The loop variable does not leak.
x = "outer"
total = sum(x for x in range(4))
print(x, total)

# Nested loops and conditions.
pairs = list((a, b) for a in range(3) for b in range(a) if (a + b) % 2)
print(pairs)
print(list(c for row in [[1, 2], [3]] for c in row if c != 2))

# Closures: the first iterable is bound early, the rest late.
def make():
    base = 10
    gen = (base + i for i in range(3))
    base = 100
    return gen


print(list(make()))
items = [1, 2, 3]
gen = (i for i in items)
items = [4, 5]
print(list(gen))
n = 2
gen = (i * n for i in range(3))
n = 3
print(list(gen))

# Generator expressions as sole arguments and nested ones.
print(sum(y for y in (x * x for x in range(5))))
print(max((len(w), w) for w in "the quick brown fox".split()))
print("-".join(str(i) for i in range(4)))
print(list(list(j for j in range(i)) for i in range(4)))
print(sorted((x % 3, x) for x in range(7)))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(set(x % 2 for x in range(9)))


def func_scope():
    factor = 3
    return list(v * factor for v in range(3))


print(func_scope())
print(repr(x for x in []).split(" at 0x")[0])


def named():
    return (q for q in "ab")


print(repr(named()).split(" at 0x")[0])
