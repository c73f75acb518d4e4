def none_implicit():
    x = 1
def none_bare():
    return
def multi():
    return 1, 2, 3
def early(n):
    for i in range(n):
        if i == 3:
            return i
    return -1
print(none_implicit(), none_bare())
print(multi())
a, b, c = multi()
print(a + b + c)
print(early(10), early(2))
