s = ""
for i in range(5):
    s += str(i) * i
print(s)
print(len(s))
parts = []
for ch in "hello":
    parts.append(ch.upper())
print("".join(parts))
print("-" * 0, "ab" * -1, "|")
