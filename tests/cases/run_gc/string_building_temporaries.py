acc = 0
for i in range(100000):
    s = "x" * (i % 50) + str(i)
    acc = (acc + len(s) * 31 + ord(s[-1])) % 1000003
print(acc)
