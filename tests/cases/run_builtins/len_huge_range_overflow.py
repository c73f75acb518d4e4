r = range(0, 10 ** 20, 3)
print(r[1], r[-1] % 3)
print(len(r))
