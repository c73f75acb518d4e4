# Cooperative tasks: generators interleaved by a tiny scheduler.
def task(name, steps):
    for i in range(steps):
        yield f"{name}:{i}"
    return name


def run(tasks):
    queue = list(tasks)
    while queue:
        t = queue.pop(0)
        step = next(t, None)
        if step is None:
            print("finished", t.__name__)
            continue
        print(step)
        queue.append(t)


run([task("a", 2), task("b", 3), task("c", 1)])


def pingpong():
    received = []
    while len(received) < 3:
        msg = yield len(received)
        received.append(msg)
    return received


p = pingpong()
print(next(p))
for word in ["x", "y"]:
    print(p.send(word))
print(next(p, "pong done"))
