# try/except catching builtin errors raised by operators and builtins.
def attempt(label, f):
    try:
        r = f()
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError", e)
    except KeyError as e:
        print(label, "KeyError", e, repr(e), e.args)
    except IndexError as e:
        print(label, "IndexError", e)
    except TypeError as e:
        print(label, "TypeError", e)
    except ValueError as e:
        print(label, "ValueError", e)
    else:
        print(label, "ok", r)

attempt("div", lambda: 1 / 0)
attempt("floordiv", lambda: 7 // 0)
attempt("mod", lambda: 7.5 % 0)
attempt("key", lambda: {"a": 1}["b"])
attempt("key-tuple", lambda: {}[(1, 2)])
attempt("index", lambda: [1, 2, 3][10])
attempt("str-index", lambda: "abc"[-4])
attempt("type", lambda: 1 + "a")
attempt("call", lambda: len(5))
attempt("value", lambda: int("xyz"))
attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
attempt("fine", lambda: 6 * 7)
attempt("pop", lambda: [].pop())
attempt("remove", lambda: [1].remove(2))
attempt("dictpop", lambda: {}.pop("k"))
