a = list(range(10))
del a[::3]
print(a)
a = list(range(10))
del a[2:5]
print(a)
a = list(range(10))
del a[::-2]
print(a)
a = list(range(10))
del a[-1]
del a[0]
print(a)
a = list(range(10))
del a[5:100]
print(a)
a = list(range(10))
del a[:]
print(a)
