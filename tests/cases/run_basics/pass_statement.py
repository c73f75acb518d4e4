def f():
    pass
print(f())
for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
print("done", i)
