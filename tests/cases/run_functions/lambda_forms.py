sq = lambda x: x * x
print(sq(7))
add = lambda a, b=1: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, k)
print(va(1, 2, z=3))
print((lambda: "no args")())
print((lambda x: (lambda y: x + y))(3)(4))
print(sorted([3, -1, 2], key=lambda v: -v))
print(sq.__name__)
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(2))
