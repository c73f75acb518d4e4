tests = ["abc", "ABC", "Abc", "123", "12.3", "", " ", "\t\n", "abc123", "Hello World", "Hello world", "٣", "½", "x_y", "_x", "2x"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(), t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier())
print("abc".isascii(), "é".isascii(), "\x7f".isprintable(), "a\n".isprintable())
