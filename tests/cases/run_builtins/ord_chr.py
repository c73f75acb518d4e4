print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(8364), chr(0x1F600))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([chr(i) for i in range(65, 70)], chr(0x10FFFF) == "\U0010ffff")
