def check(n):
    if n < 0:
        raise ValueError("negative value: " + str(n))
    return n
print(check(5))
print(check(-2))
