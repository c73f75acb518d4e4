async def f():
    x = [y async for y in z]
def g():
    return [y async for y in z]
