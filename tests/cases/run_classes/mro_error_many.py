# CPython names the bases whose order cannot be merged.
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass


print([k.__name__ for k in P.__mro__], [k.__name__ for k in Q.__mro__])


class R(P, Q):
    pass
