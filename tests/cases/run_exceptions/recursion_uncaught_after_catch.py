# A RecursionError caught once, then one left uncaught.
def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print("still running")
down(0)
