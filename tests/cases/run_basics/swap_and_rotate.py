a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3, 4]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
i = 0
lst2 = [5, 6]
i, lst2[i] = 1, 100
print(i, lst2)
x = [0, 1]
x[x[0]], x[x[1]] = 7, 8
print(x)
