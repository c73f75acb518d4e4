x = 5j5
