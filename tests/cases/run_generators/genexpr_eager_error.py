# The first iterable of a generator expression is iterated immediately.
values = (v for v in [1, 2])
print(list(values))
print("next line fails")
bad = (v for v in 5)
