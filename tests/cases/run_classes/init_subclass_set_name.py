# __init_subclass__ with class keywords, and __set_name__.
class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


class JsonLines(Json, name="jsonl"):
    pass


print(sorted(Plugin.registry), Csv.plugin_name, Json.plugin_name, JsonLines.plugin_name)


class Named:
    def __set_name__(self, owner, name):
        print("named", owner.__name__, name)
        self.name = name


class Model:
    first = Named()
    second = Named()
    plain = 1


print(Model.first.name, Model.second.name)


class Strict:
    pass


class Sub(Strict, color="red"):
    pass
