d = {1: "int", 2.5: "float", (1, 2): "tuple", None: "none", True: "overrides int"}
print(d)
print(d[1.0], d[True], len(d))
d[0] = "zero"
print(d[False], d[0.0])
print({-1: 1, -2: 2}[-1], {10 ** 20: "big"}[10 ** 20])
