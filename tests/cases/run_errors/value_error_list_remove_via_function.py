def drop(lst, v):
    lst.remove(v)
    return lst
print(drop([1, 2], 1))
print(drop([1, 2], 3))
