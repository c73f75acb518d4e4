# Special methods are looked up on the type at each use: changing the class
# changes the behaviour of existing instances (caches see the change).
class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


boxes = [Box(i) for i in range(3)]
print([b.get() for b in boxes])
Box.get = lambda self: self.v * 100
print([b.get() for b in boxes])
Box.__add__ = lambda self, o: Box(self.v + o.v)
Box.__repr__ = lambda self: f"Box({self.v})"
print(boxes[1] + boxes[2], boxes)
del Box.__repr__
print(repr(boxes[0]).startswith("<__main__.Box object"))
Box.__len__ = lambda self: self.v
print(len(boxes[2]), bool(boxes[0]), bool(boxes[1]))


class Base:
    def hello(self):
        return "base"


class Derived(Base):
    pass


d = Derived()
for i in range(3):
    print(d.hello())
    if i == 0:
        Base.hello = lambda self: "patched base"
    if i == 1:
        Derived.hello = lambda self: "derived"
d.hello = lambda: "instance"
print(d.hello(), Derived().hello())
b = Box(1)
b.__len__ = lambda: 99
print(len(b))
