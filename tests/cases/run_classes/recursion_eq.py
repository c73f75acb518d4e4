# __eq__ comparing with itself through ==.
class Same:
    def __eq__(self, other):
        return self == other


print(Same() is not None)
Same() == 1
