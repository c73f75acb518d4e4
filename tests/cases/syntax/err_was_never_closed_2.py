class A(
    pass
