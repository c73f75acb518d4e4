print({1, 2} == frozenset({1, 2}), {1} == [1])
print(set() == set(), set() == frozenset(), {0} == {0.0} == {False})
print({1, 2} < frozenset({1, 2, 3}))
print(set([1, 1, 1]), set((1, 2, 2)), set({"a": 1}))
