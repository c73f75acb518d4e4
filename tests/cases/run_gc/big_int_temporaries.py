x = 1
acc = 0
for i in range(2000):
    x = x * 3 + i
    acc ^= x & 0xFFFFFFFF
print(acc, x.bit_length())
