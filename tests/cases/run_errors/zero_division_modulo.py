def f(n):
    return 10 % n
print(f(3))
print(f(0))
