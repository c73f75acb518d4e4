total = 0
for i in range(50000):
    a = {"id": i}
    b = {"id": i + 1, "peer": a}
    a["peer"] = b
    total += a["peer"]["id"] - b["peer"]["id"]
print(total)
