def g(n):
    try:
        yield 1
    finally:
        print("fin", n)
a = g("a"); next(a)
_b = g("_b"); next(_b)
c = [g("c1"), g("c2")]
for x in c: next(x)
__d = g("__d"); next(__d)
def f():
    global e
    e = g("e"); next(e)
f()
class K:
    h = g("classattr")
next(K.h)
print("end")
