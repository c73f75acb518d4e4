print(abs(-1))
print(abs("x"))
