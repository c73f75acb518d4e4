with (
    open("a") as a,
    open("b") as b.c(),
):
    pass
