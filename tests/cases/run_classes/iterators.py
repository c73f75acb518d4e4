# User iterators in for loops and every consumer of iterables.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return CountdownIter(self.n)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


for i in Countdown(3):
    print(i, end=" ")
print()
c = Countdown(4)
print(list(c), tuple(c), sorted(c), sum(c), max(c), min(c), len(list(c)))
print(set(Countdown(2)), dict(zip(Countdown(2), "ab")), list(enumerate(Countdown(2))))
print(list(map(lambda x: x * x, Countdown(3))), list(filter(None, Countdown(3))))
print([x for x in Countdown(3) if x % 2], {x: x for x in Countdown(2)}, any(Countdown(1)), all(Countdown(2)))
a, b, *rest = Countdown(5)
print(a, b, rest, 3 in Countdown(5), 9 in Countdown(5))
print(*Countdown(3), sep=",")
print("-".join(map(str, Countdown(3))), list(reversed(list(Countdown(3)))))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"), iter(it) is it)
l = [0]
l.extend(Countdown(2))
l += Countdown(1)
print(l, list(zip(Countdown(3), Countdown(2))))
print(next(it))
