a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a = list(range(10))
a[2:4] = "xyzw"
print(a)
a = list(range(10))
a[::2] = [None] * 5
print(a)
a = list(range(10))
a[::-3] = "ABCD"
print(a)
a = list(range(5))
a[1:1] = [7, 8]
print(a)
a = list(range(5))
a[:] = []
print(a)
a = list(range(5))
a[len(a):] = [5, 6]
print(a)
a = list(range(5))
a[3:1] = ["q"]
print(a)
a = list(range(6))
a[-2:] = range(3)
print(a)
