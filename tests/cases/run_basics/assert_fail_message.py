x = 3
print("before")
assert x > 0, "positive"
assert x % 2 == 0, f"x={x} is odd"
print("not reached")
