with (a, b,): pass
