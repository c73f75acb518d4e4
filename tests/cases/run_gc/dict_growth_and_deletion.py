d = {}
for i in range(100000):
    d[i] = str(i)
    if i % 3 == 0:
        del d[i // 2]
s = 0
for k in d:
    s += k
print(len(d), s)
