# type: ignore
def f(a,  # type: int
      b):
    # type: (...) -> None
    pass
x = []  # type: ignore[misc]
