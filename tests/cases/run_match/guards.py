# Guards run after the pattern matched and its names were bound; a false
# guard goes on to the next case with the names still bound.
log = []


def check(label, result):
    log.append(label)
    print("  guard", label, "->", result)
    return result


def classify(v):
    match v:
        case [x, y] if check("sum", x + y > 10):
            return "big pair"
        case [x, y] if check("equal", x == y):
            return "twins"
        case [x, *_] if check("first", x < 0):
            return "negative start"
        case int(n) if n % 2 == 0 and check("even", True):
            return "even"
        case int(n) if check("odd", n % 2):
            return "odd"
        case _ if check("default", True):
            return "default"


for v in [[5, 6], [2, 2], [-1, 3], [-1, 3, 5], 4, 7, "x"]:
    print(v, "->", classify(v))
print(log)

# Names bound before a failing guard stay bound.
def leftovers():
    match (1, 2):
        case (a, b) if a > b:
            return "wrong"
        case _:
            return f"a={a} b={b}"


print(leftovers())

# A failing pattern binds nothing.
def nothing_bound():
    match [1, 2, 3]:
        case [p, q, 4]:
            pass
        case _:
            pass
    try:
        return p
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(nothing_bound())

# The guard may use the walrus operator and rebind names.
def walrus(v):
    match v:
        case [x] if (y := x * 2) > 4:
            return f"y={y}"
        case [x]:
            return f"small {x}"


print(walrus([3]), walrus([1]))

# A guard that raises.
def boom(v):
    match v:
        case str(s) if int(s) > 0:
            return "positive number string"
        case _:
            return "other"


print(boom("12"), boom(5))
try:
    boom("abc")
except ValueError as e:
    print("ValueError:", e)
