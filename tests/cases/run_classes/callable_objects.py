# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *rest, scale=1):
        return (x * self.k + sum(rest)) * scale


double = Multiplier(2)
print(double(5), double(1, 2, 3), double(x=4, scale=10), list(map(double, [1, 2])))
print(callable(double), callable(Multiplier), callable(3), callable(print), callable(double.__call__))
print(sorted([3, 1, 2], key=Multiplier(-1)))


class Factory:
    def __call__(self):
        return Factory


f = Factory()
print(f()() is f.__class__, Factory()()().__name__)
