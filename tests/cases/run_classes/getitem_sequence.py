# Old-style sequences: __getitem__ with ints until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("done")
        return i * i


print(list(Squares(5)), 9 in Squares(5), 10 in Squares(5), sum(Squares(4)))
for v in Squares(3):
    print(v)
x, y = Squares(2)
print(x, y, sorted(Squares(3), reverse=True), list(zip(Squares(2), "ab")))
