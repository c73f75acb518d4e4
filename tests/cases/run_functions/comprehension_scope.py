x = "outer"
r = [x for x in range(3)]
print(r, x)
y = 10
print([y * i for i in range(3)])
print({i: i * i for i in range(4)})
print({c for c in "aab"} == {"a", "b"})
print(list(i for i in range(3)))
def f():
    k = 2
    return [k * j for j in range(3)]
print(f())
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print([i for i in range(10) if i % 2 if i % 3])
