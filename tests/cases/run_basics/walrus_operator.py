data = [1, 5, 10, 20]
if (n := len(data)) > 3:
    print("long", n)
results = [y for x in data if (y := x * 2) > 5]
print(results, y)
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 3) + a)
