# Many generators, partially consumed and abandoned, some in cycles.
def producer(n, tag):
    payload = [tag] * 3
    for i in range(n):
        yield (tag, i, payload)


def self_ref():
    holder = []
    g = (x for x in holder)
    holder.append(g)
    yield holder


checksum = 0
for round_ in range(300):
    gens = [producer(20, str(round_ % 7)) for _ in range(5)]
    for g in gens[:3]:
        for tag, i, payload in g:
            checksum += i + len(payload) + len(tag)
            if i == 10:
                break
    partial = gens[3]
    checksum += next(partial)[1]
    cyc = self_ref()
    holder = next(cyc)
    checksum += len(holder)
    strs = list(str(k) * 3 for k in range(50))
    checksum += sum(len(s) for s in strs)
    tuples = sum(len((x, x)) for x in range(30))
    checksum += tuples
print(checksum)
