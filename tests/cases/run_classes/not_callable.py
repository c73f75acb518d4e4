# Calling an instance whose class has no __call__.
class Data:
    pass


d = Data()
print(callable(d))
d()
