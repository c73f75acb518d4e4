for w in range(3, 9):
    print(repr("ab".center(w)), repr("abc".center(w, "*")))
print(repr(f"{'ab':^5}"), repr(f"{'abc':^6}"), repr("{:^5}".format("ab")))
