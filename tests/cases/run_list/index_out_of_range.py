a = [10, 20, 30]
print(a[-3])
print(a[3])
