x = f'{x!r:{y}>10}' f'{{}}' rf'\{x}' fr'{x}\n'
