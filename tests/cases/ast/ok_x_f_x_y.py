x = f'{x,y}'
