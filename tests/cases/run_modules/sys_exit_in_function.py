import sys
def finish(code):
    print("finishing with", code)
    sys.exit(code)
def main():
    for i in range(5):
        if i == 2:
            finish(i + 40)
        print("step", i)
main()
