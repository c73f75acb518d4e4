a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
c = [0]
d = c
c = c + [1]
print(c, d, c is d)
e = [1]
e *= 3
print(e)
f = []
f += "xyz"
print(f)
g = [1, 2, 3]
g[1] += 10
print(g)
h = {"k": 1}
h["k"] *= 5
print(h)
