# A class without __init__ accepts no arguments.
class Plain:
    pass


print(type(Plain()).__name__)
Plain(1, 2)
