import math
print(math.floor(1.5))
print(math.fllor(1.5))
