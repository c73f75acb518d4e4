import math
print(math.exp(700) > 1e300)
print(math.exp(1000))
