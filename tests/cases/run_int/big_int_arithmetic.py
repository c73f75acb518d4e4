a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b, a - b)
print(a * b)
print(a // b, a % b)
print(b // 12345, b % 12345)
print(-a // 7, -a % 7)
print(10 ** 20 // 3)
print(10 ** 20 % 3)
print((10 ** 30 + 1) * (10 ** 30 - 1))
print(a == 1267650600228229401496703205376)
print(a > b, a < -b, -a < -b)
