words = ["banana", "Apple", "cherry", "apple", "Banana", "", "a", "aa", "B"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(max(words), min(words))
print("abc" == "abc", "abc" != None, "a" * 3 == "aaa")
print("Z" < "a", "10" < "9", "abc" < "abd", "ab" < "abc")
