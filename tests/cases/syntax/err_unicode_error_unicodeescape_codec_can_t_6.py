x = f'\N{DASH} {x}'
