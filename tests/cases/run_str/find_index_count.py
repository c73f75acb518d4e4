s = "abracadabra"
print(s.find("a"), s.find("a", 1), s.find("a", 1, 3), s.find("z"), s.find(""), s.find("", 20))
print(s.rfind("a"), s.rfind("abra"), s.rfind("a", 0, 5))
print(s.index("c"), s.rindex("b"))
print(s.count("a"), s.count("abra"), s.count(""), s.count("a", 5), "aaaa".count("aa"))
print("a" in s, "cad" in s, "" in s, "xyz" not in s)
print(s.startswith("abr"), s.startswith(("x", "ab")), s.endswith("bra"), s.startswith("a", 7), s.endswith("cad", 0, 7))
