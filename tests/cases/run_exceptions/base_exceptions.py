# KeyboardInterrupt, SystemExit and GeneratorExit are not caught by `except Exception`.
for cls in [KeyboardInterrupt, SystemExit, GeneratorExit, ValueError]:
    try:
        try:
            raise cls("x")
        except Exception:
            print(cls.__name__, "caught by except Exception")
    except BaseException as e:
        print(cls.__name__, "caught by except BaseException:", repr(e))

try:
    raise SystemExit(0)
except SystemExit as e:
    print("SystemExit caught, code", e.code)

def cleanup():
    try:
        raise KeyboardInterrupt
    finally:
        print("finally runs for KeyboardInterrupt")

try:
    cleanup()
except KeyboardInterrupt:
    print("interrupted")

try:
    raise SystemExit("bye")
finally:
    print("finally before exit")
