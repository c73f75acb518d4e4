# An exception raised in a finally block replaces the one in flight
# (which becomes its __context__).
def f():
    try:
        raise ValueError("original")
    finally:
        print("cleaning up")
        raise KeyError("from finally")

try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__context__))

def g():
    try:
        return 1
    finally:
        [][0]

g()
