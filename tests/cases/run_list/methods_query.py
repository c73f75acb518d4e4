a = [1, 2, 3, 2, 1, 2]
print(a.count(2), a.count(9), a.index(2), a.index(2, 2), a.index(1, 1, 5))
print(a.copy(), a.copy() is a, a.copy() == a)
b = [[1], [2]]
c = b.copy()
c[0].append(9)
print(b)
print([1, 2.0, True].count(1), [0, False].index(False))
