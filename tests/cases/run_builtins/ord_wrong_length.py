print(ord("x"))
print(ord("xy"))
