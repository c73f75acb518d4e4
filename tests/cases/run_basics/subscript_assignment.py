a = [0] * 5
a[0] = 1
a[-1] = 9
a[2] = a[0] + a[-1]
print(a)
d = {}
d[(1, 2)] = "tuple"
d[1] = "int"
d[1.0] = "float overwrites"
print(d)
m = [[0] * 3 for _ in range(3)]
m[1][2] = 5
print(m)
bad = [[0] * 3] * 3
bad[1][2] = 5
print(bad)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
