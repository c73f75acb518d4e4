# __getattr__ that looks up a missing attribute recurses until RecursionError.
class Broken:
    def __getattr__(self, name):
        return self.missing


print("start")
Broken().value
