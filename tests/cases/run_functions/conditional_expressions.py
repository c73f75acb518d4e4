print(1 if 0 else 2 if 0 else 3)
print(1 if 1 else 2 if 0 else 3)
print((1 if 0 else 2) if 0 else 4)
x = 5
print("big" if x > 3 else "small")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
f = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print(f(-1), f(0), f(1))
print(0 or 1 if 0 else 9)
