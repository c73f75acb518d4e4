print(float(10 ** 308))
x = 10 ** 309
print(x > 0)
print(float(x))
