# match inside loops and try statements: break, continue, return, finally.
def scan(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case int(n) if n < 0:
                out.append("neg")
                continue
            case [*inner]:
                out.append(scan(inner))
            case _:
                out.append(item)
        out.append("|")
    else:
        out.append("end")
    return out


print(scan([1, "skip", -5, [2, "stop", 3], "x", "stop", "never"]))
print(scan([1, 2]))


def with_finally(v):
    try:
        match v:
            case 0:
                return "zero"
            case int():
                raise ValueError("int")
            case _:
                return "other"
    except ValueError as e:
        return f"caught {e}"
    finally:
        print("  finally for", repr(v))


print(with_finally(0), with_finally(7), with_finally("s"))


def nested(a, b):
    match a:
        case int():
            match b:
                case int():
                    return "both ints"
                case str():
                    return "int and str"
        case str():
            match b:
                case str() if a == b:
                    return "same strings"
    return "something else"


print(nested(1, 2), nested(1, "x"), nested("a", "a"), nested("a", "b"), nested(1, 1.5))

# No case matches: nothing happens, execution continues.
match 99:
    case 1:
        print("wrong")
    case [x]:
        print("wrong")
print("after an unmatched match")

i = 0
while True:
    match i:
        case 3:
            break
        case _:
            i += 1
print("loop ended at", i)
