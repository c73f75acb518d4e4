x = 0.0
for i in range(200000):
    x += 0.5 * (i % 3) - 0.25
print(x)
