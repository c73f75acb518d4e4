foo(
    a,
    b
