print(int(1e10))
print(int(float("inf")))
