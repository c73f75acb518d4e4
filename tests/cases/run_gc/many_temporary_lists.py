total = 0
for i in range(200000):
    tmp = [i, i + 1, i + 2]
    total += tmp[1]
print(total)
