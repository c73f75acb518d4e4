# __init__ must return None.
class Bad:
    def __init__(self):
        self.ok = True
        return 1


print("creating")
Bad()
