print("%d items" % 3)
print("%d items" % "three")
