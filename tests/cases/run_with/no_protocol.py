# Objects that are not context managers: CPython 3.11's TypeError texts,
# and special-method lookup on the type only (instance attributes and
# __getattr__ do not count).
class OnlyEnter:
    def __enter__(self):
        print("OnlyEnter.__enter__ must not run")


class OnlyExit:
    def __exit__(self, *a):
        print("OnlyExit.__exit__ must not run")


class OnInstance:
    def __init__(self):
        self.__enter__ = lambda: 1
        self.__exit__ = lambda *a: None


class Dynamic:
    def __getattr__(self, name):
        print("__getattr__", name)
        return lambda *a: None


class Meta(type):
    def __enter__(cls):
        print("metaclass enter", cls.__name__)
        return cls

    def __exit__(cls, *a):
        print("metaclass exit", cls.__name__)


class UsesMeta(metaclass=Meta):
    pass


class Plain:
    pass


def evaluate(label, make):
    try:
        with make() as got:
            print(label, "entered:", got)
    except TypeError as e:
        print(label, "TypeError:", e)


evaluate("int", lambda: 42)
evaluate("None", lambda: None)
evaluate("str", lambda: "text")
evaluate("list", lambda: [1])
evaluate("function", lambda: evaluate)
evaluate("OnlyEnter", OnlyEnter)
evaluate("OnlyExit", OnlyExit)
evaluate("OnInstance", OnInstance)
evaluate("Dynamic", Dynamic)
evaluate("Plain class object", lambda: Plain)
evaluate("Plain instance", Plain)
evaluate("class with metaclass", lambda: UsesMeta)
evaluate("instance of UsesMeta", UsesMeta)


# Methods added to the class later count; removed ones stop counting.
class Late:
    pass


evaluate("Late before", Late)
Late.__enter__ = lambda self: "late"
evaluate("Late with __enter__", Late)
Late.__exit__ = lambda self, *a: None
evaluate("Late with both", Late)
del Late.__enter__
evaluate("Late without __enter__", Late)


# A non-callable __enter__ fails when called, after the lookup.
class NotCallable:
    __enter__ = 5
    __exit__ = None


evaluate("NotCallable", NotCallable)


class ExitNotCallable:
    def __enter__(self):
        print("enter runs")
        return 1

    __exit__ = "nope"


try:
    with ExitNotCallable():
        print("body runs")
except TypeError as e:
    print("ExitNotCallable:", e)

with 1:
    pass
