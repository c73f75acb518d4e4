x = b'\xff' 'a'
