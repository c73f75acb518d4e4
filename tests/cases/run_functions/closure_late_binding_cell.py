def outer():
    x = 1
    def show():
        return x
    x = 2
    r1 = show()
    x = 3
    return r1, show()
print(outer())
def shared():
    v = []
    def add(e):
        v.append(e)
    def get():
        return v
    return add, get
a, g = shared()
a(1)
a(2)
print(g())
