# Instance attributes keep insertion order, whatever order they are set in.
class P:
    pass


a, b = P(), P()
a.x, a.y, a.z = 1, 2, 3
b.z, b.x = 30, 10
b.y = 20
print(vars(a), vars(b))
del a.x
a.w = 4
a.x = 5
print(vars(a), list(a.__dict__))
c = P()
for i in range(100):
    setattr(c, f"attr{i}", i)
print(len(vars(c)), c.attr99, list(vars(c))[:3])
c.__dict__.clear()
print(vars(c), hasattr(c, "attr1"))
e = P()
e.__dict__.update(k=1, j=2)
print(e.k, e.j, vars(e))
