s = "hello"
for ch in s:
    print(ch, end=" ")
print()
print(list(s), tuple(s), set(s) == {"h", "e", "l", "o"})
print(list(enumerate("ab")), list(zip("abc", "12")))
print(dict.fromkeys("aba"))
print([c for c in "a1b2" if c.isdigit()])
print(list(reversed("xyz")), "".join(sorted("dcba")))
