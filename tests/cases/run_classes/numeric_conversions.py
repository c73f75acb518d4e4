# __index__, __int__, __float__ and unary operators.
class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


n = Idx(2)
data = [10, 20, 30, 40]
print(data[n], data[n:], data[:Idx(1)], "hello"[Idx(1)], (1, 2, 3)[Idx(-1)])
print(bin(n), hex(Idx(255)), oct(n), list(range(Idx(3))), [0] * n, n * "ab", int(n))
data[Idx(0)] = 99
print(data, range(10)[n], float(Idx(3)))


class Real:
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5


r = Real()
print(int(r), float(r), int(Real()) + 1)


class Signed:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return Signed(-self.v)

    def __pos__(self):
        return Signed(abs(self.v))

    def __abs__(self):
        return abs(self.v) * 100

    def __invert__(self):
        return ~self.v

    def __repr__(self):
        return f"S{self.v}"


print(-Signed(3), +Signed(-4), abs(Signed(-2)), ~Signed(5), -(-Signed(1)))
