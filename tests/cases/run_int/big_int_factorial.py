f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)))
s = 0
for ch in str(f):
    s += int(ch)
print(s)
print(f % (10 ** 9 + 7))
print(f // 10 ** 150)
