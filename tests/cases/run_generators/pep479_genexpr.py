def pairs(seq):
    it = iter(seq)
    return [(x, next(it)) for x in it]


print(pairs([1, 2, 3, 4]))
stream = iter([5, 6, 7])
print(list(next(stream) for _ in range(2)))
print(list(next(stream) for _ in range(2)))
