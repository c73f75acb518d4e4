print("a\tb\\n\nnew line")
print(r"raw\n\t", len(r"\n"), len("\n"))
print("\101\x42\u0043", "\0".isprintable(), repr("\a\b\f\v\r"))
print('single "double"', "double 'single'", """triple "x" 'y'""")
print("implicit" " concat" ' of' """ literals""")
print(repr("line1\
continued"))
