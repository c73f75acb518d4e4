# Recursive generators: permutations, subsets, tree walks.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def subsets(items):
    if not items:
        yield []
        return
    for s in subsets(items[1:]):
        yield s
        yield [items[0]] + s


def walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from walk(child, depth + 1)


print(list(permutations([1, 2, 3])))
print(len(list(permutations(list(range(6))))))
print(sorted(subsets([1, 2, 3])))
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b11", [])])])])
for line in walk(tree):
    print(line)


def chain(depth):
    if depth == 0:
        yield 0
    else:
        for v in chain(depth - 1):
            yield v + 1


print(list(chain(150)))


def deep_from(depth):
    if depth == 0:
        yield "bottom"
        return 0
    r = yield from deep_from(depth - 1)
    return r + 1


d = deep_from(300)
print(next(d))
print(next(d, "done"))
