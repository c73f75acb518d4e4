print(int("0x10", 0))
print(int("12", 37))
