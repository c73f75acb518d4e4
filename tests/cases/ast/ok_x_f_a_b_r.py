x = f'{a:{b!r}}'
