# Tracebacks: the resuming line in the caller, the failing line in the generator.
def gen(limit):
    i = 0
    while True:
        yield i
        i += 1
        assert i < limit, f"limit {limit} reached"


collected = [v for v in gen(5)]
