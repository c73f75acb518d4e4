def greedy():
    yield 1
    yield list(me)


me = greedy()
print(sum(x for x in [1]))
print(list(me))
