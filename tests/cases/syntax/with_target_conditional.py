with open("f") as (x, y) if z else w:
    pass
