# Errors while evaluating an except clause's class, and deleting the
# exception name inside the handler.
def f():
    try:
        1 / 0
    except missing_name:
        pass

try:
    f()
except NameError as e:
    print("NameError:", e, "| context:", repr(e.__context__))

def g():
    try:
        raise ValueError("v")
    except ValueError as e:
        del e
        return "deleted"

print(g())

def h():
    try:
        raise ValueError("v")
    except ValueError as e:
        del e
        return e

h()
