# Arithmetic special methods, reflected operands and NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __mul__(self, k):
        return Money(self.cents * k)

    def __rmul__(self, k):
        return Money(self.cents * k * 1)

    def __truediv__(self, k):
        return Money(self.cents // k)

    def __floordiv__(self, k):
        return self.cents // k

    def __mod__(self, k):
        return self.cents % k

    def __pow__(self, k):
        return Money(self.cents ** k)

    def __neg__(self):
        return Money(-self.cents)

    def __pos__(self):
        return self

    def __abs__(self):
        return Money(abs(self.cents))

    def __invert__(self):
        return "inverted"

    def __lshift__(self, n):
        return Money(self.cents << n)

    def __and__(self, o):
        return "and"

    def __ror__(self, o):
        return "ror"

    def __matmul__(self, o):
        return "matmul"


m = Money(150)
print(m + Money(50), m + 5, 5 + m, m - Money(20), m * 2, 3 * m, m / 4, m // 7, m % 7)
print(m ** 2, -m, +m, abs(Money(-3)), ~m, m << 2, m & 1, 1 | m, m @ m)
print(sum([Money(1), Money(2)], Money(0)), sum([Money(5)]))
x = Money(1)
y = x
x += Money(2)
x -= Money(1)
x *= 10
print(x, y, x is y)


class Vec:
    def __init__(self, *c):
        self.c = list(c)

    def __iadd__(self, other):
        self.c = [a + b for a, b in zip(self.c, other.c)]
        return self

    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.c, other.c)])

    def __repr__(self):
        return "Vec%r" % (tuple(self.c),)


v = Vec(1, 2)
w = v
v += Vec(10, 10)
print(v, w, v is w)
u = v + Vec(1, 1)
print(u, u is v)
