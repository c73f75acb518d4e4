# Line numbers in tracebacks for a with statement spread over several
# lines: __enter__ and __exit__ calls are reported at the `with` line,
# the manager expressions at their own lines.
import sys


class CM:
    def __init__(self, name, fail_enter=False, fail_exit=False):
        self.name = name
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit

    def __enter__(self):
        if self.fail_enter:
            raise RuntimeError("enter " + self.name)
        return self

    def __exit__(self, *a):
        if self.fail_exit:
            raise RuntimeError("exit " + self.name)


def lines_of(e):
    tb = e.__traceback__
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def make(name):
    raise LookupError("making " + name)


def case(n):
    if n == 0:
        with (
            CM("a"),
            CM("b", fail_enter=True),
        ):
            pass
    elif n == 1:
        with (
            CM("a", fail_exit=True),
            CM("b"),
        ):
            pass
    elif n == 2:
        with (
            CM("a"),
            make("b"),
        ):
            pass
    elif n == 3:
        with CM("a"), \
             CM("b", fail_exit=True):
            pass
    elif n == 4:
        with CM("a",
                fail_enter=True):
            pass


for n in range(5):
    try:
        case(n)
    except Exception as e:
        print(n, type(e).__name__, e, lines_of(e))


with (
    CM("x"),
    CM("y",
       fail_exit=True) as y,
):
    print("body of the last statement")
