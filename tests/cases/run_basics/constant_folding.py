# Constant expressions (the optimizer folds some of them, within CPython's
# limits); values, types, and errors raised at run time where they belong.


def ints():
    return 2 ** 10, 2 ** 64, 2 ** 10 - 1, 1 << 20, 1 << 100, 7 // 2, -7 // 2, 7 % -3, -(-5), ~5, +3


def floats():
    return 2 ** -1, 1 / 3, 7 / 7, 0.5 * 3, 1.5 + 2, 2.0 ** 0.5, 7.5 // 2, -7.5 % 2, 1e308 * 10


def big():
    return 3 ** 100, 10 ** 40 * 10 ** 40, 1 << 200, (1 << 200) >> 190, -(2 ** 63), 2 ** 63 - 1


def strings():
    return "-" * 10, "ab" * 0, "x" * -1, "ab" + "cd", "é" * 3, 3 * "z", len("y" * 5000)


def tuples():
    return (1, 2.5, None), ((1,), ("a", True)), (), (-1, ~0, not 0)


def unary():
    return not 0, not "a", not (), not None, -2.5, -(2 ** 70)


for f in (ints, floats, big, strings, tuples, unary):
    r = f()
    print(f.__name__, r, [type(x).__name__ for x in r])

t = (1, 2)
print(t == (1, 2), len(("a",) * 3))
x = 10
print(x * (2 ** 3), x + 2 * 3 - 1)


def divide():
    return (1 +
            2) / (3 -
                  3)


print(divide())
