for a in [7, -7]:
    for b in [2, -2]:
        print(a, b, a // b, a % b, divmod(a, b))
print(-7 // 2, -(7 // 2), -1 // 10, 1 // -10)
print(0 // 5, 0 % -5, -0 // 1)
print(-6 % 3, 6 % -3)
print(-10 ** 20 // 7, -10 ** 20 % 7)
