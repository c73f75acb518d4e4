d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["four"] = 4
print(list(k), list(v), list(it))
print(len(k), "one" in k, 2 in v, ("two", 2) in it)
print(k & {"one", "zzz"}, sorted(k | {"x"}), sorted(k - {"one"}))
print(type(k).__name__, type(v).__name__, type(it).__name__)
for key, val in d.items():
    print(key, val)
print(list(reversed(d)), list(reversed(d.values())))
