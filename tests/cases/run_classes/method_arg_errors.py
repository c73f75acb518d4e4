# Calling a method with the wrong number of arguments.
class Calc:
    def add(self, a, b):
        return a + b


c = Calc()
print(c.add(1, 2), Calc.add(c, 3, 4))
c.add(1, 2, 3)
