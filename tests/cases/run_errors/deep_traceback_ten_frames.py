def f(n):
    if n == 0:
        return {}["boom"]
    return f(n - 1)
f(10)
