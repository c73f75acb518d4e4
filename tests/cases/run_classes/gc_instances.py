# Reference cycles through instances are reclaimed; only a checksum is printed.
class Node:
    __slots__ = ("value", "next", "prev")

    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None


class Graph:
    def __init__(self, n):
        self.nodes = [Vertex(i, self) for i in range(n)]
        for a, b in zip(self.nodes, self.nodes[1:] + self.nodes[:1]):
            a.edges.append(b)
            b.edges.append(a)


class Vertex:
    def __init__(self, i, graph):
        self.i = i
        self.graph = graph
        self.edges = []


total = 0
for round_ in range(200):
    head = Node(round_)
    cur = head
    for i in range(50):
        n = Node(i)
        cur.next = n
        n.prev = cur
        cur = n
    cur.next = head
    head.prev = cur
    g = Graph(20)
    total += sum([v.i for v in g.nodes]) + head.prev.value
    d = {"self": None}
    obj = Vertex(round_, d)
    d["self"] = obj
print(total)
