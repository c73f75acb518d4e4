def g(items=[]):
    return items[0]
g()
