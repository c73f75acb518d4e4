print([1, 2, 3].index(4))
