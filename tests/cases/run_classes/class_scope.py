# Class bodies: their own namespace, evaluated once, not visible from
# methods; comprehensions; names from enclosing functions.
x = "global x"


class Scope:
    x = "class x"
    y = x + "!"
    squares = [i * i for i in range(4)]
    print("class body runs", y)
    del y

    def method(self):
        return x

    for i in range(3):
        last = i
    del i


print(Scope.x, Scope().method(), Scope.squares, Scope.last, hasattr(Scope, "y"), hasattr(Scope, "i"))


def make(tag):
    label = tag * 2

    class Inner:
        kind = label

        def get(self):
            return label, tag

    return Inner


print(make("a").kind, make("b")().get())


def counter():
    count = 0

    class C:
        nonlocal count
        count += 1
        value = count

    return C.value, count


print(counter())


class Uses:
    def who(self):
        return __class__.__name__


print(Uses().who(), locals()["Uses"].__name__)


class Late:
    def get(self):
        return undefined_name


Late().get()
