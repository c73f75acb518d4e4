# Many with statements in loops, allocating on every exit path (normal,
# suppressed, return, break): a checksum only.
class Count:
    entered = 0
    exited = 0

    def __init__(self, payload):
        self.payload = payload

    def __enter__(self):
        Count.entered += 1
        return [self.payload, {"k": self.payload}]

    def __exit__(self, t, v, tb):
        Count.exited += 1
        return t is KeyError


def through_return(i):
    with Count(i) as data:
        return data[1]["k"]


total = 0
for i in range(3000):
    with Count(i) as data, Count(-i) as other:
        total += data[0] + other[0] + len(data[1])
    with Count(str(i)):
        {}[i]
    total += through_return(i)
    for j in range(3):
        with Count(j):
            if j == 1:
                break
            total += j
print(total, Count.entered, Count.exited)


def gen(n):
    for i in range(n):
        with Count(i) as d:
            yield d[0]


print(sum(gen(2000)), Count.entered - Count.exited)
