# An inconsistent hierarchy is rejected when the class is created.
class A:
    pass


class B(A):
    pass


print("before")


class C(A, B):
    pass
