# Captured names follow the scope rules: globals at module level, locals in
# functions, cells when a closure uses them, `global` and `nonlocal`.
match [1, 2]:
    case [first, second]:
        pass
print("module level:", first, second, "first" in globals())

counter = 0


def use_global(v):
    global counter
    match v:
        case int(counter):
            pass
    return counter


print(use_global(5), counter)


def closure(v):
    match v:
        case {"name": name, "age": age}:
            def greet():
                return f"{name} is {age}"
            return greet
    return None


print(closure({"name": "Ann", "age": 30})())


def outer():
    found = None

    def inner(v):
        nonlocal found
        match v:
            case [found, *_]:
                pass
    inner([10, 20])
    return found


print(outer())

# Class bodies bind in the class namespace.
class Config:
    settings = {"debug": True, "level": 3}
    match settings:
        case {"debug": debug, "level": int(level)}:
            verbose = level > 2


print(Config.debug, Config.level, Config.verbose)

# Comprehensions see the captured names.
match [1, 2, 3]:
    case [*items]:
        print([i * 10 for i in items])

# Names are bound in the order the pattern lists them.
def order():
    match {"k": (1, 2), "z": 3}:
        case {"z": zz, "k": (kk1, kk2)}:
            return list(locals())


print(order())
match (1, [2, 3]):
    case (q, [p, *r]) | (q, [r, *p]):
        pass
print(list(globals())[-3:], q, p, r)
