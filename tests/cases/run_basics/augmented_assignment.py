x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 2
print(x)
x //= 5
print(x)
x %= 3
print(x)
x **= 10
print(x)
x <<= 3
print(x)
x >>= 2
print(x)
x |= 0b1010
print(x)
x &= 0b1100
print(x)
x ^= 0xff
print(x)
y = 7
y /= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
