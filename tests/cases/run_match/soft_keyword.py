# `match` and `case` stay usable as ordinary names.
match = [1, 2, 3]
case = "case"
print(match, case)
match[0] = 10
print(match)


def match_(x):
    return x


print(match_(5))
match match:
    case [10, *rest]:
        print("matched the list named match:", rest)
match (case):
    case "case":
        print("case is", case)
_ = 1
match -1:
    case -1 if _ == 1:
        print("minus one")
