nums = [4, -2, 7, 0, 7, -9]
print(min(nums), max(nums), sum(nums), sum(nums, 100), len(nums))
print(sorted(nums), nums.index(7), max(nums, key=abs), min(nums, key=lambda v: (v % 3, v)))
print(sum([[1], [2, 3]], []), sum([0.5, 0.25]))
print(max([[1, 2], [1, 3], [0, 9]]), min(["b", "a", "c"]))
