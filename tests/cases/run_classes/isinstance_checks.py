# isinstance/issubclass with classes, builtins, tuples and metaclass hooks.
class A: pass
class B(A): pass
class C: pass


b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, C))
print(issubclass(B, A), issubclass(B, (C, int)), issubclass(A, B), issubclass(B, object))
print(isinstance(True, int), isinstance(1, bool), isinstance([], (list, tuple)), issubclass(bool, (str, int)))
print(isinstance(A, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), issubclass(B, B))


class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Duck(metaclass=Meta):
    pass


class Robot:
    quack = True


print(isinstance(Robot(), Duck), isinstance(1, Duck), issubclass(Robot, Duck), issubclass(int, Duck))
isinstance(b, "A")
