def todo():
    raise NotImplementedError("later")
todo()
