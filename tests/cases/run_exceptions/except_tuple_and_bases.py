# Matching on tuples of classes and on base classes of the hierarchy.
def kind(f):
    try:
        f()
    except (KeyError, IndexError) as e:
        return "lookup-tuple " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except (TypeError, ValueError, AttributeError) as e:
        return "tuple " + type(e).__name__
    except Exception as e:
        return "exception " + type(e).__name__
    return "none"

print(kind(lambda: [][0]))
print(kind(lambda: {}[0]))
print(kind(lambda: 1 / 0))
print(kind(lambda: 2.0 ** 10000))
print(kind(lambda: int("q")))
print(kind(lambda: (1).foo))
print(kind(lambda: undefined_name))
print(kind(lambda: None))

for exc in [LookupError, IndexError, KeyError, ArithmeticError, OverflowError,
            ZeroDivisionError, OSError, FileNotFoundError, RuntimeError, RecursionError,
            NotImplementedError, NameError, UnboundLocalError, ImportError,
            ModuleNotFoundError, UnicodeError, UnicodeDecodeError]:
    bases = []
    for b in [Exception, LookupError, ArithmeticError, OSError, RuntimeError, NameError,
              ImportError, ValueError, BaseException]:
        if issubclass(exc, b):
            bases.append(b.__name__)
    print(exc.__name__, bases)

try:
    raise LookupError("generic")
except IndexError:
    print("not here")
except LookupError as e:
    print("caught base", repr(e))

try:
    try:
        raise KeyError("k")
    except IndexError:
        print("wrong")
except KeyError as e:
    print("outer got", e)

def nested_tuple():
    try:
        int("q")
    except (TypeError, (ValueError, AttributeError)):
        print("not reached: a nested tuple is not a class")

nested_tuple()
