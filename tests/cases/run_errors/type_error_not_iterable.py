for v in 10:
    print(v)
