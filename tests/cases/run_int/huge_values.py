x = 7 ** 1000
print(len(str(x)))
print(str(x)[:20], str(x)[-20:])
print(x % 1000003)
y = x * x
print(y.bit_length(), (y // x) == x)
print((x - 1) % 10, -x % 10)
z = 10 ** 500 + 12345
print(z - 10 ** 500)
print(hex(2 ** 200))
