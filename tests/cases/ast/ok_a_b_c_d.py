a, b = *c, d
