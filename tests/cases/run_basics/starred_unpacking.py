a, *b = "xyz"
print(a, b)
*c, d = [1, 2, 3, 4]
print(c, d)
e, *f, g = range(5)
print(e, f, g)
h, *i = [1]
print(h, i)
*j, = (7, 8)
print(j)
k, *l, m = 1, 2
print(k, l, m)
[n, *o] = "a"
print(n, o)
for first, *rest in ["abc", "de", "f"]:
    print(first, rest)
p, (q, *r) = 0, "hey"
print(p, q, r)
