s = "hello"
print(s.uper())
