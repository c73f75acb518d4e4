setattr(len, "x", 1)
