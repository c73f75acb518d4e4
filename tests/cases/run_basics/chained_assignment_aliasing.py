x = y = []
x.append(1)
print(x, y, x is y)
a = b = c = 5
print(a, b, c)
a += 1
print(a, b, c)
p = q = {}
q["z"] = 1
print(p)
m = [0, 0, 0]
i = m[i] = 1
print(i, m)
