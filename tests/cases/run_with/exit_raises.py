# An exception raised by __exit__ on a normal exit replaces nothing: it
# simply propagates from the with line.
class Leaky:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, t, v, tb):
        print("exit", t)
        raise OSError(5, "cannot close")


def use():
    with Leaky() as l:
        print("body")
    print("not reached")


try:
    use()
except OSError as e:
    print("caught", e, e.errno, e.__context__)


def returns():
    with Leaky():
        return "value"


try:
    returns()
except OSError as e:
    print("caught on return", e)

for i in range(2):
    try:
        with Leaky():
            continue
    except OSError as e:
        print("caught on continue", i)

use()
