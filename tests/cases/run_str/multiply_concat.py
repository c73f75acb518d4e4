print("ab" * 3, 3 * "ab", "x" * 0, "x" * -5 == "")
print("a" + "b" + "c")
s = ""
for i in range(5):
    s = s + str(i)
print(s)
print(len("abc" * 1000))
print(str(1) + "2", "3" + str(4.0), str(None) + str(True))
