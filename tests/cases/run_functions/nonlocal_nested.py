def outer():
    x = "outer"
    def middle():
        nonlocal x
        x = "middle"
        def inner():
            nonlocal x
            x = x + "+inner"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def acc():
    total = 0
    def add(n):
        nonlocal total
        total += n
        return total
    return add
a = acc()
for i in range(1, 5):
    print(a(i))
