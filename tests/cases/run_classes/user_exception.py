# A user-defined exception class, raised and left uncaught.
class ValidationError(ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field


e = ValidationError("age", "must be positive")
print(e, repr(e), e.args, e.field, isinstance(e, ValueError), isinstance(e, Exception))
print(ValidationError.__mro__)


def check(age):
    if age < 0:
        raise ValidationError("age", f"got {age}")
    return age


print(check(3))
check(-1)
