h = 0
for i in range(50000):
    t = (i, (i, i + 1), frozenset([i % 7, i % 11]))
    s = {t[0] % 13, t[1][1] % 13}
    h = (h * 7 + len(s) + len(t[2])) % 99991
print(h)
