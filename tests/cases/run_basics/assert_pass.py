assert True
assert 1 == 1, "never shown"
assert [1], "non-empty list"
x = 5
assert x > 0 and x < 10
print("all asserts passed")
