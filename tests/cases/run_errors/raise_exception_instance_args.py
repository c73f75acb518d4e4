raise ValueError("x", 1, [2])
