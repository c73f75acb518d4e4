x = 'a' 'b' u'c'
