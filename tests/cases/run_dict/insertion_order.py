d = {}
d["zebra"] = 1
d["apple"] = 2
d["mango"] = 3
print(d, list(d))
d["zebra"] = 10
print(d)
del d["apple"]
d["apple"] = 4
print(d)
print({3: "c", 1: "a", 2: "b"})
print(dict(b=1, a=2), dict([("y", 1), ("x", 2)]), dict(zip("ab", [1, 2])))
