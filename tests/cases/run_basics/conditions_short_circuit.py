# and / or / not in conditions: each operand evaluated at most once, in
# order, short-circuiting; results of `and`/`or` as values are operands.

log = []


def v(name, value):
    log.append(name)
    return value


def show(label, result):
    print(label, result, log)
    log.clear()


def cond(a, b, c):
    if v("a", a) and v("b", b) or v("c", c):
        return "yes"
    return "no"


for a in (0, 1):
    for b in ("", "x"):
        for c in ([], [0]):
            show(("and-or", a, b, c), cond(a, b, c))


def nested(a, b, c):
    if v("a", a) and (v("b", b) or not v("c", c)):
        return 1
    return 0


for args in ((0, 0, 0), (1, 0, 0), (1, 0, 1), (1, 1, 1)):
    show(("nested",) + args, nested(*args))


def while_loop(n):
    i = 0
    while not (v("i", i) >= n or v("stop", i == 99)):
        i += 1
    return i


show("while", while_loop(3))


def comparisons(x, y, z):
    out = []
    if x < y and y < z:
        out.append("ascending")
    if x < y < z:
        out.append("chain")
    if not x < y:
        out.append("not less")
    if x == y or y == z:
        out.append("some equal")
    if not (x != y and y != z):
        out.append("not all different")
    return out


for args in ((1, 2, 3), (3, 2, 1), (1, 1, 2), (2, 2, 2), (1.0, float("nan"), 2), ("a", "b", "c"), (float("nan"), 1.0, 2.0)):
    print(args, comparisons(*args))


def identity(x, y, z):
    if x is None or y is not None and z in (1, 2, 3):
        return "identity"
    if not x is None and not z not in (4, "b"):
        return "negated"
    return "neither"


for args in ((None, 0, 0), (1, 2, 3), (1, None, 3), (1, 2, 4), ("x", 1, "b"), (0, 0, 5)):
    print(args, identity(*args))


def middle(x):
    return v("lo", 0) < v("x", x) < v("hi", 10)


show("middle 5", middle(5))
show("middle -1", middle(-1))


def values(a, b):
    return a and b, a or b, not a, (a and b) or "default"


print(values(0, 2), values(3, 0), values("", []), values([1], "s"))


def in_assert(a, b):
    assert a or b, "neither"
    assert not (a and b), "both"
    return "ok"


print(in_assert(1, 0), in_assert(0, 1))


def filtered(xs):
    return [x for x in xs if x and x % 2 or x == 0 and not x]


print(filtered([0, 1, 2, 3, None, 4, 5]))


def if_expressions(xs):
    return [("big" if x > 2 and x < 10 else "small" if x or x == 0 else "none") for x in xs]


print(if_expressions([0, 1, 3, 12, 2.5, False]))


def constant_conditions():
    n = 0
    while True:
        n += 1
        if n > 5:
            break
    if 0:
        n = -1
    while 0:
        n = -2
    if "":
        n = -3
    elif ():
        n = -4
    return n


print(constant_conditions())
