print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=10)))
print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
for i, (a, b) in enumerate(zip("xy", [7, 8])):
    print(i, a, b)
pairs = [(1, "a"), (2, "b")]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip("abc", range(3))))
