print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0))
print(hash(2.5) == hash(2.5), hash(-1), hash(-1.0))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
s = {0, 0.0, False, -0.0}
print(s, len(s))
print(hash(10 ** 20) == hash(float(10 ** 20)))
