# A subclass of list with its own __len__, __getitem__ and __iter__: the
# pattern asks for len() first, then unpacks (iterating) or, with `*_`,
# indexes from both ends.
class Traced(list):
    def __len__(self):
        n = super().__len__()
        print(f"  len -> {n}")
        return n

    def __getitem__(self, i):
        print(f"  getitem {i}")
        return super().__getitem__(i)

    def __iter__(self):
        print("  iter")
        return super().__iter__()


t = Traced([1, 2, 3, 4])
print("unpacking:")
match t:
    case [a, b, c, d]:
        print("matched", a, b, c, d)
print("star:")
match t:
    case [a, *rest]:
        print("matched", a, rest)
print("star wildcard:")
match t:
    case [a, *_, z]:
        print("matched", a, z)
print("length mismatch:")
match t:
    case [a, b]:
        print("wrong")
    case [*_]:
        print("any sequence (no len call)")
print("prefix only:")
match t:
    case [1, 2, *_]:
        print("starts with 1, 2")


class Lying(list):
    def __len__(self):
        return 2


print("lying length:")
try:
    match Lying([1, 2, 3]):
        case [x, y]:
            print("wrong", x, y)
except ValueError as e:
    print("ValueError:", e)
