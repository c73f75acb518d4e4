print("a" + "b")
print("count: " + 5)
