print(callable(print), callable(len), callable(42), callable("s"), callable(lambda: 0), callable(int))
print(getattr("abc", "upper")(), getattr([], "append") is not None)
print(getattr(1, "real"), getattr(1, "missing", "dflt"), hasattr("s", "join"), hasattr(1, "nope"))
f = getattr(str, "join")
print(f("-", ["a", "b"]))
def func():
    return 1
setattr(func, "tag", "custom")
print(func.tag, getattr(func, "tag"), hasattr(func, "tag"))
print((3.5).__class__.__name__, getattr(3, "__add__")(4))
