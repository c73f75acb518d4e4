a = [3, 1, 2]
a.sort()
print(a)
b = [1, "two", 3]
b.sort()
