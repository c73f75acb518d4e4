total = 0
def accumulate(values):
    for v in values:
        total += v
    return total
accumulate([1, 2])
