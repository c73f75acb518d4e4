count = 0
def inc():
    global count
    count += 1
def read():
    return count
inc()
inc()
print(count, read())
def make_new():
    global created
    created = "yes"
make_new()
print(created)
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)
