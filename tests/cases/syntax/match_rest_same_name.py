class C:
    def m(self, v):
        match v:
            case {"a": x, **x}:
                pass
