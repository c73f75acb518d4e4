lst = [1]
lst += 5
