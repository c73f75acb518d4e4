# Deleting a property without a deleter.
class P:
    @property
    def x(self):
        return 1


p = P()
print(p.x)
del p.x
