print(getattr([], "append") is not None)
print(getattr([], "push"))
