# raise ... from None hides the context.
def convert(s):
    try:
        return float(s)
    except ValueError:
        raise TypeError("not a number: %r" % s) from None

try:
    convert("x")
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

convert("y")
