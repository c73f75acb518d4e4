# match inside generators: patterns around yields, yields in guards and bodies.
def tokens(items):
    for item in items:
        match item:
            case int(n) | float(n):
                yield ("num", n)
            case str(s) if s.isidentifier():
                yield ("name", s)
            case [*parts]:
                yield from tokens(parts)
            case _:
                yield ("junk", repr(item))


print(list(tokens([1, "x", [2.5, "y", ["z"]], "1a", None])))


def interpreter():
    total = 0
    while True:
        cmd = yield total
        match cmd:
            case ("add", int(k)):
                total += k
            case ("mul", int(k)):
                total *= k
            case "reset":
                total = 0
            case "stop":
                return total
            case other:
                print("  bad command", other)


g = interpreter()
next(g)
for c in [("add", 5), ("mul", 3), "oops", ("add", 1), "reset", ("add", 2)]:
    print(c, "->", g.send(c))
try:
    g.send("stop")
except StopIteration as e:
    print("stopped with", e.value)


# A yield inside a guard: the generator suspends mid-match.
def guarded(values):
    for v in values:
        match v:
            case [x, y] if (yield f"checking {x},{y}"):
                print("  accepted", x, y)
            case _:
                print("  rejected", v)


gen = guarded([[1, 2], [3, 4], 5])
print(next(gen))
print(gen.send(True))
print(gen.send(False))
try:
    next(gen)
except StopIteration:
    print("done")
