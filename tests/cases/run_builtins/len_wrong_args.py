print(len("ok"))
print(len("a", "b"))
