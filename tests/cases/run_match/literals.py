# Literal patterns: numbers, strings, bytes, negative and complex literals;
# None/True/False compare by identity, other literals by ==.
def lit(v):
    match v:
        case 0:
            return "zero"
        case 1:
            return "one"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case -0.5:
            return "minus half"
        case 1j:
            return "i"
        case 1 + 2j:
            return "1+2j"
        case -3 - 4j:
            return "-3-4j"
        case "spam":
            return "spam"
        case b"eggs":
            return "eggs"
        case 10000000000000000000000:
            return "big"
        case -128:
            return "-128"
        case 300:
            return "300"
        case _:
            return "other"


for v in [0, 1, -1, 2.5, -0.5, 1j, 1 + 2j, -3 - 4j, "spam", b"eggs", "eggs", b"spam",
          10 ** 22, -128, 300, 0.0, 1.0, True, False, complex(0, 1), -1.0, 2, None]:
    print(repr(v), lit(v))


def single(v):
    match v:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "not a singleton"


for v in [None, True, False, 1, 0, 1.0, 0.0, "", [], "None"]:
    print(repr(v), single(v))

# `case 1` matches True (==), `case True` does not match 1 (is).
match True:
    case 1:
        print("True matched 1")
match 1:
    case True:
        print("wrong")
    case _:
        print("1 is not True")
match 0.0:
    case False:
        print("wrong")
    case 0:
        print("0.0 == 0")
