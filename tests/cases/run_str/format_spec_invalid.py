print(format(5, "d"))
print(format("x", "d"))
