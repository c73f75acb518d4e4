s = "hello World of PYTHON"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), sep="|")
print("ßtraße".upper(), "ǅ".lower(), "ﬁ".upper())
print("they're bill's".title())
print("İ".lower().encode("utf-8") if False else "ÄÖÜ".lower(), "éa".casefold(), "Straße".casefold())
print("".upper() == "", "123abc".capitalize(), "a1b2".title())
