words = ["aa", "b", None]
print(sorted(words, key=len))
