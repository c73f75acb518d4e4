# What __exit__ receives for an exception: the class, the instance and its
# traceback; the exception is the one being handled while __exit__ runs.
import sys


class Inspect:
    def __enter__(self):
        print("enter sees", sys.exc_info()[0])
        return self

    def __exit__(self, exc_type, exc, tb):
        print("type:", exc_type)
        print("value:", repr(exc))
        print("same class:", exc_type is type(exc))
        if tb is None:
            print("no traceback")
        else:
            lines = []
            while tb is not None:
                lines.append(tb.tb_lineno)
                tb = tb.tb_next
            print("traceback lines:", lines)
        print("exc_info while exiting:", sys.exc_info()[0], sys.exc_info()[1] is exc)
        return True


with Inspect():
    pass

with Inspect():
    raise ValueError("direct")


def deeper(n):
    if n == 0:
        raise KeyError("deep")
    deeper(n - 1)


with Inspect():
    deeper(2)


class MyError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


with Inspect():
    raise MyError(7)

# A class raised without arguments is instantiated before __exit__ sees it.
with Inspect():
    raise IndexError

# Errors raised by builtins.
with Inspect():
    [][1]
with Inspect():
    {}["missing"]
with Inspect():
    int("x")

# While a handler is running, __exit__ on a normal exit sees that one.
try:
    raise TypeError("outer")
except TypeError:
    with Inspect():
        print("inside handler:", sys.exc_info()[1])
    print("after with:", sys.exc_info()[1])
print("at the end:", sys.exc_info())
