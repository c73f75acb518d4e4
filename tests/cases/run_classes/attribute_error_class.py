# Attribute errors on a class object.
class Config:
    debug = False
    level = 3


print(Config.debug, getattr(Config, "verbose", "n/a"))
print(Config.levl)
