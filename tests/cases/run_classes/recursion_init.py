# An __init__ that builds another instance of its class.
class Tree:
    def __init__(self, depth=0):
        self.child = Tree(depth + 1)


Tree()
