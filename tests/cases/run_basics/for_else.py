for i in range(3):
    pass
else:
    print("finished with i =", i)
for i in []:
    print("never")
else:
    print("empty for else")
for x in [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]:
    for d in range(2, x):
        if x % d == 0:
            print(x, "=", d, "*", x // d)
            break
    else:
        print(x, "is prime")
