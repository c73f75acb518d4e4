a = [1, 2]
a.append(a)
print(a)
print(len(a), a[2] is a, a[2][2][0])
b = [[]] * 3
b[0].append("x")
print(b)
c = [[] for _ in range(3)]
c[0].append("x")
print(c)
