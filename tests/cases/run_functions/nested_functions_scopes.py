x = "g"
def a():
    x = "a"
    def b():
        def c():
            return x
        return c()
    return b()
print(a())
def outer():
    y = 1
    def inner():
        return y + z
    z = 10
    return inner()
print(outer())
def shadowing(x):
    def inner(x):
        return x * 2
    return inner(x + 1)
print(shadowing(1), x)
