print(min([1]))
print(min([]))
