# Small int constants as indexes and in-place operands (the optimizer turns
# them into immediate operands): every type, negative indexes, overflow into
# big ints, and the errors each raises.


def indexes(seq):
    return seq[0], seq[-1], seq[1]


print(indexes([10, 20, 30]), indexes((1.5, "b", None)), indexes("xyz"), indexes(range(5, 9)))
print(indexes({0: "zero", -1: "minus one", 1: "one"}), indexes(b"abc"))


def stores():
    lst = [0, 0, 0]
    lst[0] = "a"
    lst[-1] = "c"
    d = {}
    d[1] = "one"
    d[-128] = "min"
    d[127] = "max"
    d[128] = "big"
    lst[1] += 5
    lst[1] -= 2
    return lst, d


print(stores())


def counters(x):
    x += 1
    y = 2 ** 63 - 1
    y += 1
    z = -(2 ** 63)
    z -= 1
    f = 0.5
    f += 1
    f *= 3
    s = "ab"
    s *= 2
    t = (1,)
    t *= 3
    lst = [1]
    lst *= 2
    n = 7
    n //= 2
    n **= 3
    n %= 10
    n <<= 4
    n >>= 1
    n |= 1
    n &= 127
    n ^= 2
    return x, y, z, f, s, t, lst, n


print(counters(41), counters(-0.5), counters(True))


def first_item_added(seq, value):
    seq[0] += value
    return seq


print(first_item_added([1], 2), first_item_added(["a"], "b"), first_item_added({0: 1.5}, 1))


def bad_index():
    data = [1, 2, 3]
    data[-3] = 0
    return data[5]


print(bad_index())
