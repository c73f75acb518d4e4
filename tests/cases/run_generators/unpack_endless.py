# Unpacking pulls one item more than the targets, no further.
def endless(tag):
    n = 0
    while True:
        print(tag, "yields", n)
        yield n
        n += 1


def short():
    yield "only"


first, *rest = short()
print(first, rest)
a, b = short() if False else ("x", "y")
print(a, b)
x, y = endless("pair")
