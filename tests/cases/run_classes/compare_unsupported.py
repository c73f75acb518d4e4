# Ordering objects that define no ordering.
class Item:
    def __init__(self, n):
        self.n = n


items = [Item(2), Item(1)]
print(len(items))
print(sorted(items))
