def f(*args):
    return args
print(f())
print(f(1))
print(f(1, 2, 3))
print(f(*"abc"))
print(f(*range(3), 99, *[7]))
def g(first, *rest):
    return first, rest
print(g(1), g(1, 2, 3))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3, 4))
print(type(f(1)).__name__)
