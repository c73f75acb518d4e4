# with statements in recursive functions: every level's __exit__ runs,
# innermost first, also when a RecursionError unwinds the stack.
exits = []


class Level:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        return self.n

    def __exit__(self, t, v, tb):
        exits.append(self.n)
        return False


def down(n):
    with Level(n) as level:
        if level == 0:
            return 0
        return 1 + down(level - 1)


print(down(50), exits[:3], exits[-3:], len(exits))
exits.clear()


def forever(n):
    with Level(n):
        return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print("exited levels:", len(exits) > 100, exits[-1])


def fact(n):
    with Level(n) as k:
        return 1 if k <= 1 else k * fact(k - 1)


print(fact(20))
