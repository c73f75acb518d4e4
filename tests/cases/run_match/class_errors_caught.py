# The TypeErrors of class patterns, caught and printed.
class P:
    __match_args__ = ("x",)

    def __init__(self, x):
        self.x = x


class ListArgs:
    __match_args__ = ["a"]


class IntArgs:
    __match_args__ = (1,)


class TwoSame:
    __match_args__ = ("a", "a")
    a = 1


class NoArgs:
    pass


class MyStr(str):
    pass


class StrArgs:
    __match_args__ = (MyStr("a"),)
    a = 1


def attempt(label, f):
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "-> TypeError:", e)


def too_many():
    match P(1):
        case P(a, b):
            return (a, b)


def not_tuple():
    match ListArgs():
        case ListArgs(a):
            return a


def not_str():
    match IntArgs():
        case IntArgs(a):
            return a


def str_subclass():
    match StrArgs():
        case StrArgs(a):
            return a


def duplicate_kw():
    match P(1):
        case P(v, x=w):
            return v, w


def duplicate_args():
    match TwoSame():
        case TwoSame(p, q):
            return p, q


def no_match_args():
    match NoArgs():
        case NoArgs(z):
            return z


def not_a_class():
    match 5:
        case len():
            return "len"


def not_a_class_value():
    match 5:
        case P.__init__(x):
            return x


def int_two():
    match 5:
        case int(a, b):
            return a, b


def builtin_zero():
    match None:
        case int(a):
            return a
        case object(a):
            return a


attempt("too many", too_many)
attempt("not a tuple", not_tuple)
attempt("not a str", not_str)
attempt("str subclass", str_subclass)
attempt("duplicate keyword", duplicate_kw)
attempt("duplicate __match_args__", duplicate_args)
attempt("no __match_args__", no_match_args)
attempt("not a class", not_a_class)
attempt("function", not_a_class_value)
attempt("int(a, b)", int_two)
attempt("object(a)", builtin_zero)

# No error when isinstance fails first.
match "not a P":
    case P(a, b, c):
        print("wrong")
    case _:
        print("isinstance is checked before __match_args__")
# Nor when there are no positional sub-patterns.
match NoArgs():
    case NoArgs():
        print("NoArgs() matched")
