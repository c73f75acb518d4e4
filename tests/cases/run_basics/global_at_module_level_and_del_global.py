x = 1
def setx():
    global x
    x = 2
    del x
setx()
print("x" in globals())
def make_y():
    global y
    y = "made"
make_y()
print(y)
