print(round(12345, -2), round(12355, -1), round(12345, -1), round(-25, -1), round(15, -1))
print(round(7), round(7, 2), type(round(7, 2)).__name__)
print(round(10 ** 20 + 5, -1), round(2 ** 64, -5))
