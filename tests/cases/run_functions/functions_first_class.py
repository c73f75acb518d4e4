def double(x):
    return x * 2
def apply(f, v, times):
    for _ in range(times):
        v = f(v)
    return v
print(apply(double, 1, 10))
ops = {"dbl": double, "neg": lambda x: -x, "str": str}
for name in ops:
    print(name, ops[name](21))
fs = [double, abs, len]
print([f.__name__ for f in fs])
print(callable(double), callable(1))
g = double
del double
print(g(4), g.__name__)
