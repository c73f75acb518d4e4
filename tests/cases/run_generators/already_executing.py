def selfish():
    yield 1
    yield next(me)


me = selfish()
print(next(me))
print(me.gi_running)
print(next(me))
