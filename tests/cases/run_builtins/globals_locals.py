x = 1
g = globals()
print(g["x"], "x" in g, g is globals())
g["y"] = 5
print(y)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
print(__name__, "__builtins__" in g)
print(sorted(k for k in globals() if not k.startswith("__")))
