i = 0
while i < 3:
    print("loop", i)
    i += 1
else:
    print("else after normal end", i)
i = 0
while i < 10:
    if i == 4:
        print("break at", i)
        break
    i += 1
else:
    print("not printed")
while False:
    pass
else:
    print("else of never-run while")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
