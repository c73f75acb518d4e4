# A subclass of list keeps list behaviour and adds its own.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return "Stack" + super().__repr__()


s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s[1:3], type(s[1:3]).__name__, s.pop(), s)
print(isinstance(s, list), isinstance(s, Stack), type(s).__name__, Stack.__mro__)
print(sorted(s, reverse=True), sum(s), 2 in s, s.index(2), s == [1, 2, 3], list(s))
s += [9]
print(s, type(s).__name__)
s.extra = "attr"
print(s.extra, s + [0], type(s + [0]).__name__, [x * 2 for x in s])
s[0] = 100
del s[1]
print(s, bool(Stack()), Stack(range(3)))


class Unique(list):
    def append(self, x):
        if x not in self:
            super().append(x)


u = Unique()
for x in [1, 2, 1, 3, 2]:
    u.append(x)
print(u, len(u))
