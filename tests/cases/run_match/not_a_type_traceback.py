# A class pattern naming something that is not a class.
import math


def f(v):
    match v:
        case [math.floor()]:
            return "floor"


print("start")
f([1])
