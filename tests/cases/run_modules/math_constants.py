import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan)
print(math.pi == 3.141592653589793, math.tau == 2 * math.pi)
print(type(math.inf).__name__, math.isnan(math.nan), math.isinf(math.inf))
