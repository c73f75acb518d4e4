# Multiple inheritance: C3 linearization and cooperative super() calls.
class Base:
    def __init__(self):
        self.trail = ["Base"]

    def who(self):
        return "Base"


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return "Left>" + super().who()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return "Right>" + super().who()


class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Child")

    def who(self):
        return "Child>" + super().who()


c = Child()
print(c.who(), c.trail)
print([k.__name__ for k in Child.__mro__])


class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


print([k.__name__ for k in Z.mro()])
print(super(Left, c).who(), super(Child, c).who(), super(Right, c).who())
print(isinstance(c, (int, Right)), issubclass(Z, (K3, str)))
