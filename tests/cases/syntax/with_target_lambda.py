with a as lambda: 1:
    pass
