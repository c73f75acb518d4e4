# Many matches creating and dropping objects (the collector runs meanwhile):
# only checksums are printed.
class Node:
    __match_args__ = ("kind", "children")

    def __init__(self, kind, children):
        self.kind = kind
        self.children = children


class Lookup(dict):
    def get(self, key, default=None):
        return dict.get(self, key, default)


def build(depth):
    if depth == 0:
        return {"leaf": depth, "tags": [str(depth)] * 3}
    return Node("pair" if depth % 2 else "list", [build(depth - 1), build(depth - 1)])


def count(t):
    match t:
        case Node("pair", [left, right]):
            return 1 + count(left) + count(right)
        case Node(_, [*items]):
            return 1 + sum(count(i) for i in items)
        case {"leaf": _, "tags": [*tags], **rest}:
            return len(tags) + len(rest)
    return 0


total = 0
for i in range(60):
    total += count(build(5))
print("nodes", total)

acc = 0
for i in range(3000):
    d = Lookup({"a": [i, i + 1], "b": {"c": i}, "extra": str(i)})
    match d:
        case {"a": [x, y], "b": {"c": z}, **rest}:
            acc += x + y + z + len(rest)
    match (i, str(i), [i] * 3):
        case (int(n), str(s), [_, *more]) if len(s) > 2:
            acc += n + len(more)
        case (n, s, _) | [s, n, _]:
            acc -= 1
print("acc", acc)
