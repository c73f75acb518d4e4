print(0.1 + 0.2)
print(0.1 + 0.2 == 0.3)
print(1.1 * 3, 3.3 / 1.1)
print(1e16 + 1, 1e16 + 2)
print(sum([0.1] * 10), 0.1 * 10)
total = 0.0
for i in range(10):
    total += 0.1
print(total)
print(2.0 ** 0.5, 10.0 ** -2, (-8.0) ** (1 / 3) if False else 8.0 ** (1 / 3))
print(1.0 - 0.9, 100.0 - 99.9)
print(4.35 * 100, 0.07 * 100)
