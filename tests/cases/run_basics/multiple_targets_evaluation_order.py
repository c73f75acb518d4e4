log = []
def f(tag, val):
    log.append(tag)
    return val
d = {}
d[f("key", "k")] = f("value", 1)
print(log)
log.clear()
a = [0, 0]
a[f("i1", 0)], a[f("i2", 1)] = f("v1", 10), f("v2", 20)
print(log, a)
log.clear()
x = f("left", 1) + f("right", 2) * f("third", 3)
print(log, x)
