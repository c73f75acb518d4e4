out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
i = 0
total = 0
while True:
    i += 1
    if i > 100:
        break
    if i % 3:
        continue
    total += i
print(total)
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b)
    else:
        print("inner done", a)
