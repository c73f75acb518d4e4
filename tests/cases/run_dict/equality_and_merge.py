a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), a != {"x": 1})
print(a | {"z": 3}, {"z": 3} | a, a | {"x": 100})
c = dict(a)
c |= {"w": 0}
print(c, a)
print({1: "a"} == {1.0: "a"}, {True: 1} == {1: 1})
print({**a, "x": 0}, dict(a, y=9))
