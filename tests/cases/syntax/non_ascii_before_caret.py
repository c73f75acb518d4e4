nom = 'café' 1
