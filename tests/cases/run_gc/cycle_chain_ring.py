rings = 0
for n in range(2000):
    nodes = [[k, None] for k in range(10)]
    for k in range(10):
        nodes[k][1] = nodes[(k + 1) % 10]
    cur = nodes[0]
    steps = 0
    while True:
        cur = cur[1]
        steps += 1
        if cur is nodes[0]:
            break
    rings += steps
print(rings)
