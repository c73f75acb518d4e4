s = "one two one two one"
print(s.replace("one", "1"))
print(s.replace("one", "1", 2))
print(s.replace("", "-"))
print("aaa".replace("a", "aa"), "abc".replace("x", "y"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table))
print("hello".translate({ord("l"): "L", ord("o"): None}))
print(str.maketrans({"a": "1"}))
