s = "abc"
print(s.upper())
s[0] = "x"
