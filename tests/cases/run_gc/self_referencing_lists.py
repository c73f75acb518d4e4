checksum = 0
for i in range(50000):
    a = [i]
    a.append(a)
    checksum += len(a) + a[1][0]
print(checksum)
