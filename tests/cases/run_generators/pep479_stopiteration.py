# PEP 479: StopIteration escaping a generator body becomes RuntimeError.
def firsts(iterables):
    for it in iterables:
        yield next(iter(it))


print(list(firsts(["ab", [1]])))
print(list(firsts(["cd", []])))
