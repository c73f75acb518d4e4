fs = frozenset([1, 2])
d = {fs: "pair", frozenset(): "empty"}
print(d[frozenset([2, 1])], d[frozenset()])
s = {fs, frozenset([2, 1]), frozenset([3])}
print(len(s))
print(fs | {3}, fs & {2}, fs.union([9]))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
