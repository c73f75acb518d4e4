# super() with and without arguments, in methods, class methods and
# properties, and super objects themselves.
class A:
    def greet(self):
        return "A.greet"

    @classmethod
    def create(cls):
        return f"A.create({cls.__name__})"

    @property
    def value(self):
        return 1

    def __repr__(self):
        return "A-repr"


class B(A):
    def greet(self):
        return "B>" + super().greet()

    @classmethod
    def create(cls):
        return "B>" + super().create()

    @property
    def value(self):
        return super().value + 10

    def __repr__(self):
        return "B+" + super().__repr__()


b = B()
print(b.greet(), B.create(), b.value, repr(b))
print(super(B, b).greet(), super(B, B).create())
s = super(B, b)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is b, s.__self_class__.__name__)


class C(B):
    def greet(self):
        helper = lambda: super(C, self).greet()
        return "C>" + helper()


print(C().greet(), C.create())
