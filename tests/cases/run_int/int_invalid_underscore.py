print(int("1_0"))
print(int("1__0"))
