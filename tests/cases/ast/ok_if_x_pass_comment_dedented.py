if x:
    pass
    # comment
  # dedented comment
else:
    pass
