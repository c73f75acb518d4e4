# A missing attribute makes a class pattern fail quietly; any other error
# from an attribute lookup propagates.
class Lazy:
    __match_args__ = ("value",)

    def __getattr__(self, name):
        if name == "value":
            raise AttributeError(name)
        if name == "boom":
            raise KeyError(name)
        return f"<{name}>"


match Lazy():
    case Lazy(v):
        print("wrong", v)
    case Lazy(other=o):
        print("other ->", o)

try:
    match Lazy():
        case Lazy(boom=b):
            print("wrong")
except KeyError as e:
    print("KeyError", e)


class Prop:
    @property
    def bad(self):
        raise ValueError("bad property")

    @property
    def gone(self):
        raise AttributeError("gone")


match Prop():
    case Prop(gone=g):
        print("wrong")
    case Prop():
        print("AttributeError from a property means no match")


def g():
    match Prop():
        case Prop(bad=b):
            return b


g()
