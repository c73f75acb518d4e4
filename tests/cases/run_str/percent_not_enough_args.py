print("%s and %s" % ("a",))
