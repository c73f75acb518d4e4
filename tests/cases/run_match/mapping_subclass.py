# Mapping patterns check the length first, then look keys up with the
# subject's `get(key, default)`: never __getitem__, never __missing__.
class Defaulting(dict):
    def __missing__(self, key):
        print("  __missing__", key)
        return 0

    def __getitem__(self, key):
        print("  __getitem__", key)
        return super().__getitem__(key)


d = Defaulting(a=1)
match d:
    case {"b": b}:
        print("wrong", b)
    case {"a": a}:
        print("a =", a)
print("keys after:", list(d))


class Logged(dict):
    def get(self, key, default=None):
        print("  get", repr(key), "default is an object:", type(default) is object)
        return super().get(key, default)

    def __len__(self):
        print("  len")
        return super().__len__()


g = Logged(x=1, y=2)
match g:
    case {"x": 1, "y": y}:
        print("y =", y)
match g:
    case {"x": 1, "q": q}:
        print("wrong")
    case {"y": 2, **rest}:
        print("rest", rest, type(rest).__name__)
match g:
    case {"a": 1, "b": 2, "c": 3}:
        print("wrong")
    case {}:
        print("empty pattern: no len call")


class AlwaysThere(dict):
    def get(self, key, default=None):
        return "made up"


match AlwaysThere():
    case {"anything": v}:
        print("wrong, the length check fails first")
    case {**rest}:
        print("rest of an empty mapping", rest)
match AlwaysThere(k=1):
    case {"anything": v}:
        print("get answered", v)
