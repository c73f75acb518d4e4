# Raising a user exception class (not an instance).
class Stop(Exception):
    pass


class Halt(Stop):
    """halted"""


print(Halt.__doc__, issubclass(Halt, Exception), Stop().args, Stop("a", 1))
raise Halt
