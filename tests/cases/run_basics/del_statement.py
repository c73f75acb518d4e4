x = 1
y = 2
del x
print("y" in dir(), "x" in dir())
a = [1, 2, 3, 4]
del a[1]
print(a)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
p, q = 1, 2
del p, q
print("p" in globals())
e = [[1, 2], [3, 4]]
del e[0][1], e[1]
print(e)
