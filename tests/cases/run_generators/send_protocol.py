# send(): the value of a yield expression is what was sent in.
def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
print(avg.send(10))
print(avg.send(20))
print(avg.send(0))


def echo():
    received = yield "ready"
    while received is not None:
        received = yield received * 2
    return "stopped"


e = echo()
print(e.send(None))
print(e.send(4))
print(e.send("ab"))
print(next(e, "no more"))
print(e.send(None) if False else "skip")


def sum_sent():
    x = yield
    y = yield
    print("got", x, y)
    yield x + y


s = sum_sent()
next(s)
s.send(3)
print(s.send(4))


# The local a yield is assigned to keeps its value while suspended.
def keep():
    x = 1
    x = yield x
    print("x is", x)
    x = yield x + 1
    print("x is", x)


k = keep()
print(next(k))
print(k.send(10))
print(next(k, "finished"))
