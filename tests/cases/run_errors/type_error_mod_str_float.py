print("%d" % 3)
print(3.5 % "a")
