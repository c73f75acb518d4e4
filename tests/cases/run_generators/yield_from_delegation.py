# yield from: delegation to generators and to any iterable, return values.
def inner(n):
    for i in range(n):
        yield i
    return n * 10


def outer():
    r1 = yield from inner(2)
    print("inner returned", r1)
    r2 = yield from inner(0)
    print("empty inner returned", r2)
    r3 = yield from [7, 8]
    print("list gives", r3)
    yield from "ab"
    yield from range(3, 5)
    yield from {"k": 1, "j": 2}
    yield from (x * x for x in range(3))
    return "outer done"


print(list(outer()))


def nested(depth):
    if depth == 0:
        yield "leaf"
        return 0
    got = yield from nested(depth - 1)
    yield f"level {depth} got {got}"
    return depth


print(list(nested(3)))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, []], 5]], [[6]], 7])))


def tree(n):
    # A complete binary tree in order, recursively.
    if n > 0:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))
print(sum(tree(12)))
exhausted = inner(1)
list(exhausted)


def from_exhausted():
    r = yield from exhausted
    yield r


print(list(from_exhausted()))
