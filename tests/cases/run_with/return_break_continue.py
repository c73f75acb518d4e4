# Leaving a with body by return, break or continue calls __exit__ with
# three Nones, after the return value is computed and before the function
# returns or the loop moves on.
class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  enter", self.name)
        return self

    def __exit__(self, *args):
        print("  exit", self.name, args)


def value(v):
    print("  computing return value", v)
    return v


def returns():
    with CM("r"):
        return value(1)
    print("not reached")


print("returns", returns())


def returns_nested():
    with CM("outer"):
        with CM("inner") as i:
            return value(i.name)


print("returns_nested", returns_nested())


def returns_multi():
    with CM("x") as x, CM("y") as y:
        return x.name + y.name


print("returns_multi", returns_multi())


def return_none():
    with CM("none"):
        return


print("return_none", return_none())


def return_local_rebound():
    result = "before"
    with CM("rebind"):
        result = "inside"
        return result


print(return_local_rebound())

print("break:")
for i in range(5):
    with CM(i):
        if i == 2:
            break
print("after break, i =", i)

print("continue:")
for i in range(4):
    with CM(i):
        if i % 2:
            continue
        print("  body", i)

print("while:")
n = 0
while True:
    n += 1
    with CM("w%d" % n):
        if n < 3:
            continue
        break
print("n =", n)

print("loop inside with:")
with CM("outside"):
    for i in range(3):
        if i == 1:
            continue
        if i == 2:
            break
        print("  loop", i)
    print("  still inside")

print("with inside loop inside with:")


def mixed():
    with CM("a"):
        for j in range(3):
            with CM("b%d" % j):
                if j == 1:
                    return j
    return None


print("mixed", mixed())


# return inside with inside try/finally: __exit__ first, then finally.
def with_in_finally():
    try:
        with CM("tf"):
            return value("t")
    finally:
        print("  finally")


print(with_in_finally())


# finally inside with: the finally body runs before __exit__.
def finally_in_with():
    with CM("ft"):
        try:
            return value("f")
        finally:
            print("  finally first")


print(finally_in_with())


# A return in __exit__'s own body does not change the function's result;
# a return in an enclosing finally does.
def overridden():
    try:
        with CM("o"):
            return "from with"
    finally:
        return "from finally"


print(overridden())


# break out of a with inside an except handler.
for k in range(3):
    try:
        raise ValueError(k)
    except ValueError:
        with CM("handler"):
            if k == 1:
                break
print("k =", k)
