# Capture patterns bind the subject; `_` binds nothing.
x = "unchanged"
match 42:
    case x:
        print("captured", x)
print("after", x)

_ = "underscore"
match 7:
    case _:
        print("wildcard matched")
print("_ is still", _)


def f(v):
    match v:
        case [a, b]:
            return a + b
        case whole:
            return whole


print(f([1, 2]), f("abc"), f(None))

# The subject is evaluated once.
calls = []


def subject():
    calls.append(1)
    return [1, 2, 3]


match subject():
    case [1]:
        pass
    case [1, 2]:
        pass
    case [1, 2, 3]:
        print("third case, subject evaluated", len(calls), "time(s)")

# Nested captures of the same subject under different names.
match (1, 2):
    case (a, b) as pair:
        print(a, b, pair)
match 5:
    case (n as m) as k:
        print(n, m, k)
