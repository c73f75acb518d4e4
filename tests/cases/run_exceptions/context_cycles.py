# Implicit chaining never creates a cycle through the raised exception.
a = ValueError("a")
b = KeyError("b")
try:
    try:
        raise a
    except ValueError:
        raise b
except KeyError as e:
    print(repr(e.__context__))
try:
    try:
        raise b
    except KeyError:
        raise a
except ValueError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))

try:
    try:
        raise a
    except ValueError as e:
        raise e
except ValueError as e:
    print("self context:", e.__context__ is e, repr(e.__context__))

x = RuntimeError("x")
y = RuntimeError("y")
x.__context__ = y
y.__context__ = x
try:
    try:
        raise x
    except RuntimeError:
        raise TypeError("t")
except TypeError as t:
    print(repr(t.__context__), repr(t.__context__.__context__))
raise x
