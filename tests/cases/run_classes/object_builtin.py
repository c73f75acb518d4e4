# object(): no attributes, no dict; its methods.
o = object()
print(type(o), o == o, o != object(), hash(o) == hash(o), str(o) == repr(o))
print(repr(o).startswith("<object object at 0x"), isinstance(o, object), object.__name__)
print(object.__init__, object.__eq__(o, o), object.__eq__(o, 1), object.__ne__(o, 1))
print(object.__subclasshook__ is not None, object.__doc__ is None or True)
o.attr = 1
