# Containers: __len__, __getitem__ (with slices), __setitem__, __delitem__,
# __contains__ and truth from __len__ / __bool__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return len(self.cells)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        x, y = key
        return self.cells.get((x, y), ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, key):
        return key in self.cells


g = Grid(3, 3)
print(len(g), bool(g), g[0, 0])
g[1, 1] = "#"
g[2, 0] = "@"
print(len(g), bool(g), g[1, 1], (1, 1) in g, (0, 0) in g, (0, 0) not in g)
print(g[1:5], g[::2], g[:3:-1])
del g[1, 1]
print(len(g), g[1, 1])
print([g[x, 0] for x in range(3)])


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


print(bool(Flag(True)), bool(Flag(False)), not Flag(False), [x for x in [Flag(1 > 0), Flag(0 > 1)] if x].__len__())
if Flag(False) or Flag(True):
    print("or works")
print((Flag(False) and "no") is not None, Flag(True) and "yes")
