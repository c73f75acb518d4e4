# Exception objects: args, str/repr, attributes.
for e in [ValueError(), ValueError("msg"), ValueError("a", 2), KeyError("k"), KeyError(),
          KeyError(1, 2), IndexError(3), Exception(None), RuntimeError([1, 2]),
          StopIteration(5), SystemExit(3), OSError(2, "No such file"),
          OSError(13, "Permission denied", "/etc/x"), OSError("plain"),
          FileNotFoundError(2, "gone", "a", None, "b"), ImportError("m", name="mod", path="/p"),
          SyntaxError("bad", ("f.py", 3, 4, "x y")), NotImplementedError("todo"),
          UnicodeError("u"), BaseException("base"), KeyboardInterrupt(), ArithmeticError(1.5)]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)

print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code,
      SystemExit(1, 2).code)
e = OSError(2, "No such file", "x")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2)
print(type(OSError(17, "exists")).__name__, type(OSError(13, "x")).__name__,
      type(OSError(32, "pipe")).__name__, type(OSError(999, "other")).__name__)
print(OSError("x").errno, ImportError("m").msg, ImportError("m").name)
e = ValueError("a")
e.args = ("b", "c")
print(e.args, str(e))
e.extra = 42
print(e.extra, e.__dict__)
e = ValueError()
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("c")
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
for bad in [lambda: setattr(e, "__cause__", 1), lambda: setattr(e, "__context__", "x"),
            lambda: setattr(e, "__suppress_context__", 1), lambda: e.add_note(5),
            lambda: ValueError(x=1), lambda: ImportError(bad=1), lambda: e.missing]:
    try:
        bad()
    except (TypeError, AttributeError) as err:
        print(type(err).__name__, err)
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
print(isinstance(e, ValueError), isinstance(e, Exception), isinstance(e, BaseException),
      isinstance(KeyboardInterrupt(), Exception), issubclass(SystemExit, Exception),
      issubclass(GeneratorExit, BaseException))
print(IOError is OSError, EnvironmentError is OSError, type(e) is ValueError)
x = ValueError("same")
print(x == x, x == ValueError("same"), hash(x) == hash(x))
