x = f'{x' f'}'
