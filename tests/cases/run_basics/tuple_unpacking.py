a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "hi"
print(f, g)
h, = [9]
print(h)
x, y, z = range(3)
print(x, y, z)
i, (j, [k, l]) = 1, (2, [3, 4])
print(i, j, k, l)
for n, (p, q) in [(1, (2, 3)), (4, (5, 6))]:
    print(n, p, q)
u, v = {"one": 1, "two": 2}
print(u, v)
