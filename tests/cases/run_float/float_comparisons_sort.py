vals = [3.5, -1.0, 2, 0.0, -0.0, 1e-10, 10 ** 20, 1.5]
print(sorted(vals))
print(sorted(vals, reverse=True))
print(min(vals), max(vals))
print(-0.0 == 0.0, str(-0.0), repr(abs(-0.0)))
print(0.1 * 3 > 0.3, 0.1 * 3 == 0.30000000000000004)
