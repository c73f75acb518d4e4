match = 1
case = 2
_ = 3
match.x = 1
match[1] = 2
match(x)
print(match, case)
