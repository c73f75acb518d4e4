for x in [-5, 0, 3, 10, 100]:
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x < 10:
        print(x, "small")
    elif x < 100:
        print(x, "medium")
    else:
        print(x, "large")
if []:
    print("empty list is true?")
else:
    print("empty list is false")
if "0":
    print("'0' is true")
if not 0.0:
    print("0.0 is false")
if None is None:
    print("None is None")
