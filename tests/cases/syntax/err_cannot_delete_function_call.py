del (a, b), f()
