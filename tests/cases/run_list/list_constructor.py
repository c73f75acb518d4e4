print(list(), list("ab"), list(range(3)), list((1, 2)), list({"k": 1, "j": 2}))
print(list(x for x in [3, 4]), list(map(str, [1, 2])), list(reversed([1, 2, 3])))
print(list({1: 2}.items()), list(enumerate("xy", 1)), list(zip([1, 2], [3, 4])))
a = [1, 2]
b = list(a)
print(b == a, b is a)
