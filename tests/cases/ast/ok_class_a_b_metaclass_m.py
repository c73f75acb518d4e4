class A(B, metaclass=M, **kw): pass
