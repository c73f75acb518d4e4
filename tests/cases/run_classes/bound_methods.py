# Methods bound to instances are first-class values.
class Acc:
    def __init__(self):
        self.total = 0

    def add(self, n):
        self.total += n
        return self


acc = Acc()
add = acc.add
for i in range(5):
    add(i)
print(acc.total, add.__self__ is acc, add.__func__ is Acc.add, add.__name__)
print(add == acc.add, add != Acc().add, callable(add))
fs = [Acc().add for _ in range(3)]
print([f(2).total for f in fs])
print(list(map(acc.add, [10, 20]))[0].total)
print(Acc.add(acc, 1).total)
r = repr(add)
print(r.startswith("<bound method Acc.add of <__main__.Acc object at 0x"), r.endswith(">>"))
