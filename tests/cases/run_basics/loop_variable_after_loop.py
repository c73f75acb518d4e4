for i in range(5):
    pass
print(i)
for j in range(5, 0, -1):
    if j == 3:
        break
print(j)
k = "unchanged"
for k in []:
    pass
print(k)
lst = [1, 2, 3]
for x in lst:
    x *= 10
print(lst, x)
for lst[0] in "ab":
    pass
print(lst)
