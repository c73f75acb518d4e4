def ratios(values):
    for v in values:
        yield 10 / v


for r in ratios([5, 2, 0, 1]):
    print(r)
