def compute(a, b, c):
    return (a +
            b *
            c)
print(compute(1, 2, 3))
print(compute(1, "x", None))
