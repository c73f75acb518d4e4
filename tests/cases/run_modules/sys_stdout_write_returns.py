import sys
n = sys.stdout.write("hello\n")
print(n)
m = sys.stderr.write("err\n")
print(m)
sys.stdout.write("no newline")
sys.stdout.write("\n")
print(sys.stdout is sys.__stdout__ if hasattr(sys, "__stdout__") else True)
