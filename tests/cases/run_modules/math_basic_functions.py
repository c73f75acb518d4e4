import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(1e100))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7))
print(type(math.floor(2.5)).__name__, math.floor(10 ** 20), math.ceil(5))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(1, 2))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3))
print(math.pow(2, 10), math.pow(2, 0.5), math.exp(0), math.exp(1))
print(math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
