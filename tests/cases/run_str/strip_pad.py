s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcba".strip("ab"), "www.example.com".lstrip("w."), "file.txt".rstrip(".txt"))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("hi".ljust(5, "-")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(2), "".zfill(3))
print("a\tbc\tdef".expandtabs(), "a\tb".expandtabs(4), repr("\t".expandtabs(0)))
print("prefix_body".removeprefix("prefix_"), "body.py".removesuffix(".py"), "x".removeprefix("y"))
