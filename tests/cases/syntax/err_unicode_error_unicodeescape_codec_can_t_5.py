x = '\x1g'
