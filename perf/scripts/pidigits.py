"""Big integers: digits of pi with the unbounded spigot algorithm."""


def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits


digits = pi_digits(4500)
text = "".join(map(str, digits))
for i in range(0, len(text), 60):
    print(text[i : i + 60])
print(sum(digits))
