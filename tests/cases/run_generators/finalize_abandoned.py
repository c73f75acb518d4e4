# Generators abandoned while suspended in a try/finally or a with block are
# closed (GeneratorExit) when their last reference goes: after break, return
# from inside the loop, del, and at exit.

class CM:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print("enter", self.n)
        return self

    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None)
        return False


def counted(n):
    with CM(n):
        for i in range(3):
            yield i
    print("counted done", n)


def guarded(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)


# break: closed before the next statement
for x in counted("break"):
    print("got", x)
    break
print("after break")

# exhausted normally: no GeneratorExit
for x in counted("full"):
    pass
print("after full loop")

# continue keeps the iterator
for x in guarded("continue"):
    if x == 1:
        continue
    print("second", x)
print("after continue loop")


# return from inside the loop
def first(name):
    for x in guarded(name):
        return x


print("first", first("return"))


def nested():
    for a in guarded("outer"):
        for b in guarded("inner"):
            print("pair", a, b)
            break
        print("inner left")
        return a


print("nested", nested())

# still referenced elsewhere: break does not close it
it = guarded("shared")
for x in it:
    break
print("shared still open")
print(next(it))
del it
print("after del global")


def local_del():
    g = guarded("local")
    next(g)
    del g
    print("after del local")


local_del()


# a handler that catches GeneratorExit and finishes
def catcher():
    try:
        yield 1
    except GeneratorExit:
        print("caught GeneratorExit")


for x in catcher():
    break
print("after catcher")


# yield from: the delegate is closed too
def outer():
    try:
        yield from guarded("delegate")
    finally:
        print("outer finally")


for x in outer():
    break
print("after delegation")

# no handler around the yield: nothing to run
def plain():
    yield 1
    print("never")


for x in plain():
    break
print("after plain")

# left for exit: closed in the order of the globals
late1 = guarded("late1")
next(late1)
late2 = counted("late2")
next(late2)
print("end of program")
