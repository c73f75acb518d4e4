@decorator
def f(): pass
@decorator()
class A: pass
@a.b[c]
def g(): pass
