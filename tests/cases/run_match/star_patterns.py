# Star patterns bind a list of the middle items.
def star(v):
    match v:
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
        case [*only]:
            return f"only={only}"


for v in [[1], [1, 2], [1, 2, 3], (1, 2, 3, 4), range(5), [], "abc", ()]:
    print(v, star(v))


def head_tail(v):
    match v:
        case [h, *t]:
            return h, t
        case []:
            return None


print(head_tail([1, 2, 3]), head_tail((9,)), head_tail([]))

# `*_` does not build a list: the items are read by index.
def ends(v):
    match v:
        case [a, b, *_, y, z]:
            return (a, b, y, z)
        case [*_, last]:
            return ("last", last)
        case [*_]:
            return "any sequence"


print(ends(list(range(10))), ends([1, 2, 3]), ends([]), ends((5,)))
print(ends(range(100, 110)))

# Star in the middle with literals around it.
match [1, 2, 3, 4, 5]:
    case [1, *mid, 5]:
        print("mid", mid, type(mid).__name__)
match (1, 2):
    case (1, *mid, 2):
        print("empty mid", mid)
match [0, 1, 2]:
    case [0, *_, 3]:
        print("wrong")
    case [0, *_, 2]:
        print("ends with 2")
