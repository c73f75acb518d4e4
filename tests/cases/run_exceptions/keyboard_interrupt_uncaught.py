# An uncaught KeyboardInterrupt ends the process as SIGINT does.
def handler():
    try:
        raise KeyboardInterrupt
    finally:
        print("finally")

handler()
