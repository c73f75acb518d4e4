n = 10
def f(x=n):
    return x
n = 20
print(f())
def g(x=None):
    return n if x is None else x
print(g())
n = 30
print(f(), g())
log = []
def h(a=log.append("evaluated") or 5):
    return a
print(log, h(), h(), log)
