# Complex arithmetic with ints, floats, bools and complexes.
a = 1 + 2j
b = 3 - 4j
print(a, b, a + b, a - b, a * b, a / b)
print(a + 1, 1 + a, a - 1.5, 1.5 - a, a * 2, 2 * a, a / 2, 2 / a)
print(a + True, True * a, -a, +a, a.conjugate(), b.real, b.imag)
print(1j * 1j, 1j ** 2, (1 + 1j) ** 3, 2 ** 1j, 1j ** 1j, (2 + 0j) ** 0.5)
print(a ** 0, a ** -1, a ** -2, (0j) ** 0, 0j ** 2, a ** 101)
print(abs(3 + 4j), abs(-1j), abs(0j), abs(complex(1e308, 1e308)) if False else "skip")
x = 5j
x += 1
x *= 2
x -= 3j
x /= 1 + 1j
print(x)
print((-8) ** 0.5, (-8.0) ** (1 / 3), (-1) ** 0.5)
print(sum([1j, 2, 3.5, 4 + 4j]), 1j == 1j, 1 + 0j == 1, 1.5 + 0j == 1.5, 1j != 1, 2j == 2)
print(complex(1e300, 1e300) * 1e10, complex(float("inf"), 0) * 2)
print(1e308j * 10, -(0j), 0j * -1, complex(-0.0, -0.0))
