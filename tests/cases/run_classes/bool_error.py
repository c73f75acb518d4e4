# An exception raised by __bool__ while testing an if condition.
class Sensor:
    def __init__(self, ok):
        self.ok = ok

    def __bool__(self):
        if self.ok is None:
            raise ValueError("sensor not ready")
        return self.ok


print([bool(Sensor(True)), bool(Sensor(False))], [s for s in [Sensor(True), Sensor(False)] if s].__len__())
if Sensor(True) and not Sensor(False):
    print("checked")
if Sensor(None):
    print("unreachable")
