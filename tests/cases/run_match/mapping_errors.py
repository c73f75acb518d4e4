# Runtime errors of mapping patterns: duplicate keys from value patterns,
# unhashable keys, and errors from a user `get`.
class Keys:
    A = "a"
    B = "a"
    L = [1]


def dup(v):
    match v:
        case {Keys.A: 1, Keys.B: 2}:
            return "wrong"
    return "no match"


try:
    dup({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)
# The length check fails first: no error.
print(dup({"a": 1}))

# A missing first key stops the lookups before the duplicate is seen.
class K2:
    X = "missing"
    Y = "missing"


match {"p": 1, "q": 2}:
    case {K2.X: 1, K2.Y: 2}:
        print("wrong")
    case _:
        print("missing key: no duplicate check reached")

try:
    match {"a": 1}:
        case {Keys.L: 1}:
            print("wrong")
except TypeError as e:
    print("TypeError:", e)


class BadGet(dict):
    def get(self, key, default=None):
        raise RuntimeError(f"get({key!r}) failed")


try:
    match BadGet(a=1):
        case {"a": 1}:
            print("wrong")
except RuntimeError as e:
    print("RuntimeError:", e)


class Num:
    V = 1.0


def numeric_dup():
    match {1: "x", 2: "y"}:
        case {1: a, Num.V: b}:
            return a, b


numeric_dup()
