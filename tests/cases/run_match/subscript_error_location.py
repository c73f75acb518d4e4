# With `*_` the items after the star are read by index, each at the
# location CPython gives it: the sub-pattern compiled just before.
class Fragile(list):
    def __getitem__(self, i):
        print("  getitem", i)
        if i >= 2:
            raise IndexError(f"index {i} is fragile")
        return super().__getitem__(i)


def ends(v):
    match v:
        case [first, *_, 0]:
            return "ends with zero"
        case [first,
              *_,
              last]:
            return first, last


print(ends([1, 2, 0]))
print(ends(Fragile([1, 2])))
print(ends(Fragile([1, 2, 3])))
