count = 0
for i in range(30000):
    def f():
        return f
    count += f() is f
print(count)
