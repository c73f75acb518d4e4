print("append" in dir([]), "upper" in dir(""), "real" in dir(1))
print(sorted(n for n in dir([]) if not n.startswith("_")))
print(sorted(n for n in dir({}) if not n.startswith("_")))
