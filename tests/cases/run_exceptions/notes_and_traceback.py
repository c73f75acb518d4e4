# add_note() notes print after the message; with_traceback(None) drops frames.
import sys

def f():
    raise ValueError("with notes")

try:
    f()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next)
    print(sys.exc_info()[2].tb_lineno)

try:
    f()
except ValueError as e:
    stripped = e.with_traceback(None)
    print(stripped is e, e.__traceback__)

err = KeyError("k")
err.add_note("note one")
err.add_note("note two")
try:
    raise err
except KeyError as e:
    print(e.__notes__)

def g():
    try:
        f()
    except ValueError as e:
        e.add_note("added while handling")
        raise

g()
