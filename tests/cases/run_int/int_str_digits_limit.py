x = 10 ** 4299
print(len(str(x)))
y = 10 ** 4300
print(len(str(y)))
