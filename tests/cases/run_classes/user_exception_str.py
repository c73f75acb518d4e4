# __str__ of a user exception is used by the traceback.
class Problem(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code

    def __str__(self):
        return f"problem #{self.code}"


p = Problem(7)
print(str(p), repr(p), p.code)
raise Problem(42) from None
