t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2)
print((1,), (), tuple(), tuple("ab"), (1, 2) == (1, 2), (1, 2) < (1, 3))
print(t.count(2), t.index(3), 2 in t)
a, b, c = t
print(a + b + c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2)) == hash((1, 2)))
print(repr((None,)), str(((),)))
