registry = []
def make(i, reg=registry):
    node = {"i": i}
    node["self"] = node
    reg.append(node["i"])
    return node
total = 0
for i in range(30000):
    total += make(i)["self"]["self"]["i"]
print(total, len(registry))
