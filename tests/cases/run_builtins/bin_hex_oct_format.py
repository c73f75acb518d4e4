print(bin(10), hex(255), oct(8), bin(-10), hex(-1), oct(0))
print(format(10, "b"), format(255, "#x"), format(3.5, ".2f"), format("x", ">3"), format(7, "03"))
print(format(10 ** 6, ","), format(0.5, "%"), format(42), format("abc"))
