import sys
def g():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]

it = g()
print(next(it))
print(sys.exc_info()[0])
try:
    raise ValueError("outer")
except ValueError:
    print(next(it))
    print(sys.exc_info()[0])
    print(next(it))
print(sys.exc_info()[0])

def h():
    try:
        yield 1
    except ZeroDivisionError as e:
        yield "caught " + str(e)
    finally:
        print("fin")

x = h()
print(next(x))
print(x.throw(ZeroDivisionError("boom")))
x.close()

def stop():
    raise StopIteration
    yield
try:
    next(stop())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))

def inner():
    yield 1
    raise ValueError("in gen")
def user():
    for v in inner():
        print(v)
try:
    user()
except ValueError as e:
    print("got", e)

def ctx():
    try:
        yield 1
    except Exception:
        raise TypeError("x")
c = ctx(); next(c)
try:
    c.throw(IndexError("i"))
except TypeError as e:
    print(repr(e.__context__))
print(list(x*x for x in range(5) if x % 2))
def gen_raise_in_handler():
    try:
        raise KeyError(1)
    except KeyError:
        yield 1
        raise
gg = gen_raise_in_handler()
next(gg)
try:
    next(gg)
except KeyError as e:
    print("reraised", repr(e), sys.exc_info()[0])
print(sys.exc_info()[0])
next(stop())
