x = 5
print(x.real)
x.append(1)
