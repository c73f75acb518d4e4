def divide(a, b):
    return a / b
def average(values):
    return divide(sum(values), len(values))
def report(data):
    print("reporting", data)
    return average(data)
print(report([1, 2, 3]))
print(report([]))
