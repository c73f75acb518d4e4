"""Exceptions-heavy loop: raise, catch, finally, custom classes, chaining."""


class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


class RetryError(AppError):
    pass


def risky(i):
    if i % 3 == 0:
        raise RetryError(i)
    if i % 5 == 0:
        raise AppError(i)
    if i % 7 == 0:
        return {}[i]
    return i


def handle(i):
    try:
        return risky(i)
    except RetryError as e:
        return -e.code
    except AppError as e:
        return e.code * 2
    except KeyError:
        return 0
    finally:
        pass


def nested(i):
    try:
        try:
            raise ValueError(i)
        except ValueError as e:
            raise AppError(i + 1) from e
    except AppError as e:
        return e.code + (1 if e.__cause__ is not None else 0)


total = 0
for i in range(600000):
    total += handle(i)
print(total)
print(sum(nested(i) for i in range(200000)))
caught = 0
for i in range(200000):
    try:
        int("x%d" % i)
    except ValueError:
        caught += 1
print(caught)
