# No method handles the operands: TypeError with both type names.
class Thing:
    pass


print(Thing() == Thing(), Thing() != Thing())
t = Thing()
print(t == t)
print(t + 1)
