a = [1, 2, 3, 4]
for v in a:
    if v == 2:
        a.remove(v)
print(a)
b = [1, 2, 3]
for v in b:
    if len(b) < 6:
        b.append(v * 10)
print(b)
c = [0, 1, 2]
for i in range(len(c)):
    c.append(i)
print(c)
