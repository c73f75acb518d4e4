def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a
def insertion(a):
    out = []
    for x in a:
        i = len(out)
        while i > 0 and out[i - 1] > x:
            i -= 1
        out.insert(i, x)
    return out
data = [5, 3, 8, 1, 9, 2, 7, 3, 0, -4]
print(bubble(data))
print(insertion(data))
print(data)
print(bubble(data) == sorted(data) == insertion(data))
