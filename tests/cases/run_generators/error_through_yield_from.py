def leaf(items):
    for item in items:
        yield item["key"]


def branch(items):
    got = yield from leaf(items)
    return got


def root(items):
    yield "start"
    yield from branch(items)


print(list(root([{"key": 1}])))
for value in root([{"key": 1}, {"other": 2}]):
    print(value)
