a = [1, 2]
b = (3, 4)
print([*a, *b])
print((*a, 0, *b))
print({*a, *a})
print([*"abc", *range(2)])
print(*a, *b)
print(*a, sep="-")
c = {"x": 1}
d = {"y": 2, "x": 3}
print({**c, **d})
print({**d, **c, "z": 0})
print([*[], *()])
t = *a, *b
print(t)
