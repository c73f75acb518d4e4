a = [1, 2]
b = 3.5
print(a * 2)
print(a - b)
