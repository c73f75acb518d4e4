x = f'{x!s=}'
