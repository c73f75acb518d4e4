def f():
    return missing_global + 1
def g():
    return f()
g()
