# Generators with cells: captured variables, nonlocal, late binding.
def counter():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    while count < 3:
        yield bump()
    yield "final " + str(count)


print(list(counter()))


def shared():
    state = {"n": 0}
    values = []

    def g():
        while True:
            state["n"] += 1
            yield state["n"]

    return g, state


make, state = shared()
a, b = make(), make()
print(next(a), next(b), next(a), state)


def with_closure_inside(n):
    for i in range(n):
        yield lambda: i


print([f() for f in with_closure_inside(3)])
print([f() for f in list(with_closure_inside(3))])


def param_cell(x):
    def show():
        return x
    yield show()
    x += 1
    yield show()


print(list(param_cell(10)))


def gens_in_loop():
    out = []
    for k in range(3):
        out.append((k * j for j in range(2)))
    return [list(g) for g in out]


print(gens_in_loop())
