print(any([]), all([]), any([0, 0]), any([0, 1]), all([1, 1]), all([1, 0]))
print(any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
print(any("" for _ in range(3)), all([[], 1]), any([None, ()]), all("abc"))
def noisy(x):
    print("check", x)
    return x
print(any(noisy(v) for v in [0, 2, 3]))
print(all(noisy(v) for v in [1, 0, 3]))
