a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * b, [0] * 0, a * -1)
print(a == [1, 2], a != b, a < b, [1, 2] < [1, 2, 0], [] < [0])
print(1 in a, 5 not in a, [1] in [[1], 2])
print(len(a + b), list("abc") + ["d"])
c = a
c += b
print(a, c is a)
