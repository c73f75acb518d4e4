print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(7.0), type(round(7.0)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-1, 3))
print(pow(2, 8), pow(2, -1), pow(2, 100, 1000), pow(2.0, 3), pow(-8, 1 / 3) if False else pow(9, 0.5))
