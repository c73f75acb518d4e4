# sys.exc_info() follows the exception being handled, across calls.
import sys

def show(label):
    t, v, tb = sys.exc_info()
    print(label, t, repr(v), tb is None)

show("outside")
try:
    raise ValueError("first")
except ValueError:
    show("in handler")
    try:
        raise KeyError("second")
    except KeyError:
        show("nested handler")
    show("back in outer handler")
    def helper():
        show("called from handler")
    helper()
show("after")

try:
    try:
        raise TypeError("t")
    finally:
        show("in finally during exception")
except TypeError:
    pass

try:
    pass
finally:
    show("in finally, no exception")

def returns_from_handler():
    try:
        1 / 0
    except ZeroDivisionError:
        return "returned"

print(returns_from_handler())
show("after return from handler")

for i in range(2):
    try:
        raise IndexError(i)
    except IndexError:
        show("loop %d" % i)
        continue
show("after loop")
t, v, tb = None, None, None
try:
    raise OSError(2, "No such file", "x.txt")
except OSError:
    t, v, tb = sys.exc_info()
print(t, v, type(tb).__name__, tb.tb_lineno, tb.tb_next)
