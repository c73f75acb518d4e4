import math
print(math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(8, 2))
print(math.log1p(0), math.expm1(0), math.log(10 ** 100))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi))
print(math.asin(1), math.acos(1), math.atan(1), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 1, 1))
print(math.sinh(0), math.cosh(0), math.tanh(1), math.asinh(0))
print(round(math.sin(math.pi), 10), math.sin(math.pi))
