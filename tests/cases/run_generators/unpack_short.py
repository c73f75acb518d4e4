def short():
    print("short starts")
    yield 1
    yield 2
    print("short ends")


one, two = short()
print(one, two)
p, q, r = short()
