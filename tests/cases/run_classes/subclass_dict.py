# A subclass of dict: __missing__, overridden __setitem__, super() calls.
class Defaulting(dict):
    def __missing__(self, key):
        return f"<{key}>"


d = Defaulting(a=1)
print(d["a"], d["zz"], d.get("zz"), "zz" in d, len(d), d, type(d).__name__)


class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


low = Lower()
low["ABC"] = 1
low["Def"] = 2
print(low, low["abc"], low["DEF"], list(low.keys()), list(low.items()))
print(isinstance(low, dict), dict(low), {**low}, sorted(low))


class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
        return self


c = Counter()
for w in "abracadabra":
    c.add(w)
print(sorted(c.items()), c["a"], max(c, key=c.get))
