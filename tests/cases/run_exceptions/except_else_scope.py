# Errors in else and finally are not caught by the same try's handlers.
def f():
    try:
        x = 1
    except ZeroDivisionError:
        print("not here")
    else:
        return x / 0

try:
    f()
except ZeroDivisionError as e:
    print("else error propagated:", e)

def g():
    try:
        pass
    except KeyError:
        print("no")
    finally:
        {}["missing"]

try:
    g()
except KeyError as e:
    print("finally error propagated:", repr(e))

def h(n):
    try:
        if n:
            raise ValueError
    except ValueError:
        raise TypeError("converted")
    except TypeError:
        print("a handler does not catch errors from a sibling handler")

try:
    h(1)
except TypeError as e:
    print(repr(e), repr(e.__context__))
