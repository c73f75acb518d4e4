# Every kind of `as` target: names, attributes, subscripts, tuples, lists,
# starred and nested unpacking, in functions, closures, globals and classes.
class Gives:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        print("exit with", exc[0])


class Box:
    pass


box = Box()
with Gives(1) as box.attr:
    pass
print(box.attr)

d = {}
with Gives("v") as d["key"]:
    pass
with Gives("w") as d[1, 2]:
    pass
print(d)

lst = [0, 0, 0]
with Gives(9) as lst[-1]:
    pass
print(lst)

with Gives((1, 2)) as (a, b):
    print(a, b)
with Gives([3, 4, 5]) as [p, q, r]:
    print(p, q, r)
with Gives(range(6)) as (first, *middle, last):
    print(first, middle, last)
with Gives((1, (2, 3), [4])) as (x, (y, z), [w]):
    print(x, y, z, w)
with Gives("ab") as (box.left, d["right"]):
    print(box.left, d["right"])


def local_target():
    with Gives(10) as n:
        n += 1
    return n


print(local_target())


def closure_target():
    with Gives("cell") as c:
        pass

    def inner():
        return c

    return inner()


print(closure_target())

counter = 0


def global_target():
    global counter
    with Gives(counter + 100) as counter:
        pass


global_target()
print(counter)


def nonlocal_target():
    v = "old"

    def set_it():
        nonlocal v
        with Gives("new") as v:
            pass

    set_it()
    return v


print(nonlocal_target())


class Config:
    with Gives({"debug": True}) as settings:
        debug = settings["debug"]
    with Gives(("x", "y")) as (first_name, second_name):
        pass


print(Config.settings, Config.debug, Config.first_name, Config.second_name)


# The target is assigned after __enter__ returns, even if it is an
# expression with side effects: the subscript is evaluated then.
def key():
    print("key evaluated")
    return "k"


class Noisy:
    def __enter__(self):
        print("enter")
        return "value"

    def __exit__(self, *a):
        print("exit")


out = {}
with Noisy() as out[key()]:
    print("body")
print(out)
