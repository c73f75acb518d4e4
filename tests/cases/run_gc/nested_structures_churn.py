total = 0
for i in range(20000):
    tree = {"v": i, "kids": [{"v": j, "kids": []} for j in range(5)]}
    for kid in tree["kids"]:
        kid["parent"] = tree
    total += sum(k["v"] for k in tree["kids"]) + tree["kids"][2]["parent"]["v"]
print(total)
