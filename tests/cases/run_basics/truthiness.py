values = [0, 1, -1, 0.0, 0.1, "", " ", [], [0], (), (None,), {}, {0: 0}, None, True, False, range(0), range(1), 0j, set(), frozenset([1])]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
