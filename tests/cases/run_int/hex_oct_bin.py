for n in [0, 1, -1, 255, -255, 2 ** 40, 10 ** 20]:
    print(n, hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "08b"))
print(format(-255, "#06x"), format(10, "o"))
print(f"{255:#o} {255:_b} {10**6:_x}")
