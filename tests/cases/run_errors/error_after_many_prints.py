total = 0
for i in range(1, 21):
    total += i
    print(i, total)
print(total // (total - 210))
