a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a <= b, {3, 4} <= a, {3, 4} < a, a < a, a <= a, a >= {1}, a > a)
print(a == {4, 3, 2, 1}, a != b, a.isdisjoint({9}), a.isdisjoint(b))
c = set(a)
c |= {9}
c &= {1, 9, 4}
c -= {4}
c ^= {1, 7}
print(c)
print(frozenset(a) == a, type(frozenset(a) | {0}).__name__, type({0} | frozenset(a)).__name__)
