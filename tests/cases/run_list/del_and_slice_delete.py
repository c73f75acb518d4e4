a = list("abcdefgh")
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
a = [1, 2, 3]
a[1:2] = []
print(a)
a[:0] = [9, 8]
print(a)
