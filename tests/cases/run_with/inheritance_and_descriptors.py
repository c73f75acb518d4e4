# __enter__/__exit__ found through the MRO, overridden, called through
# super(); static and class methods, callable objects and lambdas stored on
# the class, and user descriptors.
class Base:
    def __enter__(self):
        print("Base.__enter__", type(self).__name__)
        return self

    def __exit__(self, t, v, tb):
        print("Base.__exit__", type(self).__name__, t)
        return False


class Child(Base):
    pass


class Override(Base):
    def __enter__(self):
        print("Override.__enter__")
        return super().__enter__()

    def __exit__(self, t, v, tb):
        print("Override.__exit__")
        return super().__exit__(t, v, tb)


class Mixin:
    def __exit__(self, *a):
        print("Mixin.__exit__")
        return True


class Diamond(Mixin, Base):
    pass


with Child() as c:
    print("body", type(c).__name__)
with Override() as o:
    print("body", type(o).__name__)
with Diamond():
    raise ValueError("suppressed by Mixin")
print("Diamond.__mro__ ok")


class Static:
    @staticmethod
    def __enter__():
        print("static enter")
        return "static"

    @classmethod
    def __exit__(cls, t, v, tb):
        print("classmethod exit", cls.__name__, t)


with Static() as s:
    print("body", s)


class CallableObject:
    def __init__(self, label):
        self.label = label

    def __call__(self, *args):
        print("called", self.label, len(args))
        return self.label


class UsesCallables:
    __enter__ = CallableObject("enter")
    __exit__ = CallableObject("exit")


# A callable instance is not a descriptor: it receives no self.
with UsesCallables() as u:
    print("body", u)


class Lambdas:
    __enter__ = lambda self: ("lambda", type(self).__name__)
    __exit__ = lambda self, *exc: print("lambda exit", exc)


with Lambdas() as l:
    print("body", l)


class Descriptor:
    def __get__(self, obj, owner):
        print("__get__", type(obj).__name__, owner.__name__)
        return lambda *args: print("bound call", args) or "from descriptor"


class UsesDescriptor:
    __enter__ = Descriptor()
    __exit__ = Descriptor()


with UsesDescriptor() as d:
    print("body", d)


class WithProperty:
    @property
    def __enter__(self):
        print("property getter")
        return lambda: "via property"

    def __exit__(self, *a):
        print("exit")


with WithProperty() as p:
    print("body", p)


# Subclasses of builtin types can be managers.
class ListManager(list):
    def __enter__(self):
        self.append("entered")
        return self

    def __exit__(self, *a):
        self.append("exited")


lm = ListManager([0])
with lm as got:
    print(got is lm, got)
print(lm)


class Key(str):
    def __enter__(self):
        return self.upper()

    def __exit__(self, *a):
        pass


with Key("abc") as k:
    print(k)
