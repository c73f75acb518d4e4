# send() through a chain of yield from reaches the innermost generator.
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def middle():
    result = yield from accumulate()
    print("middle got", result)
    again = yield from accumulate()
    return result + again


def top():
    r = yield from middle()
    yield "top got " + str(r)


t = top()
print(next(t))
print(t.send(1))
print(t.send(2))
print(t.send(None))
print(t.send(5))
print(t.send(None))
print(next(t, "end"))


def forward_to_list():
    yield from [1, 2]


f = forward_to_list()
print(next(f))
print(f.send(None))
print(next(f, "over"))
