print(abs(1))
print(abs(1, 2))
