funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
fs = [lambda x: x * k for k in range(4)]
print([f(1) for f in fs])
def make():
    out = []
    for j in range(3):
        def g(j=j):
            return j * 100
        out.append(g)
    return out
print([g() for g in make()])
