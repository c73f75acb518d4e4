import math
print(math.factorial(0), math.factorial(10), math.factorial(30))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(2, 3, 5))
print(math.comb(10, 3), math.comb(50, 25), math.perm(5, 2), math.perm(5))
print(math.isqrt(99), math.isqrt(10 ** 30), math.isqrt(0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2))
print(math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.dist((0, 0), (3, 4)), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1))
print(math.isfinite(1e308), math.isfinite(math.inf), math.isnan(0.0))
