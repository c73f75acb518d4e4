import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print("err again", 1, 2, sep=":", file=sys.stderr)
sys.stdout.write("written\n")
sys.stderr.write("raw err\n")
print("end", file=sys.stdout)
