# Or-patterns: alternatives tried left to right, each binding the same names.
def op(v):
    match v:
        case "+" | "plus" | "add":
            return "addition"
        case 0 | 0.0 | None | False:
            return "nothing-ish"
        case [x] | (x, 0) | {"only": x}:
            return f"one thing: {x}"
        case (1, y) | (y, 1):
            return f"paired with one: {y}"
        case {"a": a, "b": b} | {"pair": [a, b]} | [("pair", a, b)]:
            return f"pair {a} {b}"
        case str() | bytes() as text:
            return f"text {text!r}"
        case _:
            return "other"


for v in ["+", "plus", "add", 0, 0.0, None, False, True, [7], (8, 0), {"only": 9}, (1, 5),
          (6, 1), (1, 1), {"a": 1, "b": 2}, {"pair": [3, 4]}, [("pair", 5, 6)], "s", b"b", 3.5]:
    print(repr(v), "->", op(v))

# Names bound in a different order in each alternative.
match (1, 2):
    case (a, b) | [b, a]:
        print("a, b =", a, b)
match [1, 2]:
    case (a, b, 3) | [b, a]:
        print("a, b =", a, b)

# Nested or-patterns.
match [3, [4, "x"]]:
    case [1 | 2 | 3 as n, [4 | 5, "x" | "y" as s]]:
        print("nested", n, s)

# An alternative that fails part-way binds nothing from it.
def partial(v):
    match v:
        case [x, 1] | [1, x]:
            return x
        case _:
            return "no match"


print(partial([5, 1]), partial([1, 6]), partial([2, 2]))

# Irrefutable last alternative.
match 42:
    case 1 | n:
        print("captured by the last alternative:", n)
