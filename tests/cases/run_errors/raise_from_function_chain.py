def level3():
    raise LookupError("deep problem")
def level2():
    level3()
def level1():
    level2()
print("calling level1")
level1()
