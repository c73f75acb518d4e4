def lookup(table, key):
    return table[key]
def resolve(name):
    config = {"host": "local", "port": 80}
    return lookup(config, name)
print(resolve("host"))
print(resolve("user"))
