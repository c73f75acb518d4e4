x = 1
with (a as b) as c:
    pass
