for a, *b, *c in d: pass
