x = f'{x:'
