a = list(range(10))
print(a[2:7], a[::3], a[::-1], a[-2:], a[:-8], a[7:2:-2])
b = a[:]
b[0] = 99
print(a[0], b[0])
print(a[3:3], a[10:], a[-1:-2])
c = [[1, 2], [3, 4]]
d = c[:]
d[0][0] = "shared"
print(c)
print(a[slice(1, 4)], a[slice(None, None, -4)])
