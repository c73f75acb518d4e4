x = 'a' f'{b}' 'c' rb'd'
