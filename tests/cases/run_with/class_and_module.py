# with statements at module level and in class bodies: names bound by the
# target and in the body land in the module globals / the class namespace.
class CM:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        print("enter", self.value)
        return self.value

    def __exit__(self, t, v, tb):
        print("exit", self.value, t.__name__ if t else None)
        return t is AttributeError


with CM("module") as module_value:
    inside_module = module_value * 2
print(module_value, inside_module, "module_value" in globals())


class Namespace:
    with CM("class") as class_value:
        inside_class = class_value.upper()

        def method(self):
            return "method defined inside a with"

    with CM(3) as (count):
        doubled = count * 2
    with CM("suppress"):
        None.here
        never = True
    after = "after suppression"


ns = Namespace()
print(Namespace.class_value, Namespace.inside_class, ns.method())
print(Namespace.count, Namespace.doubled, Namespace.after, hasattr(Namespace, "never"))
print(sorted(k for k in vars(Namespace) if not k.startswith("__")))


class Outer:
    label = "outer"

    class Inner:
        with CM("nested class") as where:
            pass


print(Outer.Inner.where)

# Module-level loops and conditionals around with.
results = []
for i in range(3):
    with CM(i) as v:
        if v == 1:
            continue
        results.append(v)
print(results)

if results:
    with CM("in if") as branch:
        pass
print(branch)

# A suppressed exception at module level leaves a name undefined.
with CM("module suppress"):
    missing_attribute = None.attribute
    defined_later = 1
print("defined_later" in globals())
