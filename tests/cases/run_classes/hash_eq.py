# Instances as dict keys and set members: __hash__ and __eq__.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"


d = {Key(1, 2): "x"}
d[Key(1, 2)] = "y"
d[Key(2, 1)] = "z"
print(len(d), d[Key(1, 2)], Key(2, 1) in d, Key(9, 9) in d, d.get(Key(2, 1)))
print(sorted(d.values()), d.pop(Key(1, 2)), list(d))
del d[Key(2, 1)]
print(d, {Key(1, 1): 1, Key(1, 1): 2})
s = {Key(0, 0), Key(0, 0), Key(1, 0)}
print(len(s), Key(1, 0) in s)
s.add(Key(1, 0))
s.discard(Key(0, 0))
print(s, set([Key(3, 3), Key(3, 3)]))
s.remove(Key(1, 0))
print(len(s), hash(Key(1, 2)) == hash((1, 2)))


class Ident:
    pass


i, j = Ident(), Ident()
print({i: 1, j: 2}[i], len({i, j, i}), hash(i) == hash(i), i in {i}, j in {i})


class Neg:
    def __hash__(self):
        return -1


print(hash(Neg()), hash(Key(-1, -1)) == hash((-1, -1)))


class OnlyEq:
    def __eq__(self, other):
        return True


print(OnlyEq.__hash__)
