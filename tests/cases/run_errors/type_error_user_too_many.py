def pair(a, b):
    return (a, b)
def caller():
    return pair(1, 2, 3)
print(pair(1, 2))
caller()
