table = []
for i in range(1, 6):
    row = []
    for j in range(1, 6):
        row.append(i * j)
    table.append(row)
for row in table:
    print(" ".join(str(v).rjust(2) for v in row))
print(sum(sum(r) for r in table))
