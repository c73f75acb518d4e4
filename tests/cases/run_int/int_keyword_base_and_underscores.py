print(int("ff", base=16), int("0b11", base=0), int("0o7_7", 0), int("-0x_1F", 16))
print(int("1_2_3"), 1_000 + 2_000, 0x_FF, 0b_1010, 0o_17)
print(int(" \t 42 \n"), int("-   4".replace(" ", "")))
