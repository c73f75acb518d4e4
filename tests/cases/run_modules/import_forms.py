import math as m
from math import sqrt, pi as PI
import sys, time
print(m.sqrt(9), sqrt(16), PI)
print(m is sys.modules["math"], type(m).__name__, m.__name__)
print("time" in sys.modules, time.__name__)
from math import *
print(floor(2.5), e)
