# Class attributes are shared until an instance shadows them; changing a
# class attribute is seen by every instance that does not shadow it.
class Counter:
    count = 0
    label = "base"

    def bump(self):
        Counter.count += 1
        return self.count


a, b = Counter(), Counter()
print(a.bump(), b.bump(), a.count, Counter.count)
a.label = "mine"
print(a.label, b.label, Counter.label)
Counter.label = "changed"
print(a.label, b.label)
del a.label
print(a.label)
for i in range(3):
    Counter.count = i * 10
    print(a.count, b.count)


def shout(self):
    return self.label.upper()


Counter.shout = shout
print(a.shout(), b.shout())
Counter.shout = lambda self: "replaced"
print(a.shout())
del Counter.shout
print(hasattr(a, "shout"), hasattr(Counter, "bump"))
b.bump = lambda: "instance attr"
print(b.bump(), a.bump())
