# The builtin types bool, bytes, dict, float, frozenset, int, list, set, str
# and tuple match the subject itself with one positional sub-pattern.
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(bs):
            return f"bytes {bs!r}"
        case list([first, *_]):
            return f"non-empty list starting with {first}"
        case list(l):
            return f"list {l}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case dict(d):
            return f"dict {d}"
        case frozenset(fs):
            return f"frozenset of {len(fs)}"
        case set(s):
            return f"set of {len(s)}"
        case _:
            return "something else"


for v in [True, 3, 2.5, "s", b"b", [1, 2], [], (1,), {"k": 9}, {"j": 1}, frozenset([1]),
          {1, 2}, None, 1j]:
    print(kind(v))

# Subclasses of the builtin types inherit the behaviour...
class MyInt(int):
    pass


match MyInt(7):
    case MyInt(n):
        print("MyInt matched itself:", n, type(n).__name__)

# ...unless they define __match_args__.
class Celsius(float):
    __match_args__ = ("real", "imag")


match Celsius(21.5):
    case Celsius(r, i):
        print("Celsius via __match_args__:", r, i)

# bool is an int; int() does not match a float.
match True:
    case int(x):
        print("True is an int:", x)
match 1.0:
    case int():
        print("wrong")
    case float(x) if x.is_integer():
        print("integral float", x)

# Keyword patterns on builtin types read attributes.
match 3 + 4j:
    case complex(real=r, imag=i):
        print("complex parts", r, i)
match 10:
    case int(real=r, imag=i):
        print("int parts", r, i)
