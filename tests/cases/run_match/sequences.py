# Sequence patterns: lists, tuples, ranges and their subclasses match;
# str, bytes, dict and sets do not.
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y]:
            return f"two: {x!r} {y!r}"
        case (x, y, z):
            return f"three: {x!r} {y!r} {z!r}"
        case [_, _, _, _, *_]:
            return "four or more"
        case _:
            return "not a sequence"


class MyList(list):
    pass


class MyTuple(tuple):
    pass


for v in [[], (), [1], (1,), [1, 2], (1, 2), [1, 2, 3], range(3), range(10), MyList([7]),
          MyTuple((8, 9)), "ab", "abc", b"ab", bytes(3), {1: 2}, {1, 2}, frozenset(),
          5, None, [[1, 2]]]:
    print(type(v).__name__, seq(v))

# Nested sequences and mixed literal/capture elements.
def nested(v):
    match v:
        case [[a, b], [c, d]]:
            return a * d - b * c
        case [("add", x, y)]:
            return x + y
        case [(op, *args)]:
            return f"{op} with {args}"
    return None


print(nested([[1, 2], [3, 4]]))
print(nested([("add", 3, 4)]))
print(nested([("mul", 3, 4, 5)]))
print(nested([[1, 2], [3]]))
print(nested("xy"))

# Parenthesised and bracketed forms are the same pattern.
match 1, 2:
    case (1, 2):
        print("tuple pattern matched a tuple")
match [1, 2]:
    case 1, 2:
        print("open sequence pattern matched a list")
