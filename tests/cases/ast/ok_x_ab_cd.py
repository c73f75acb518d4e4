x = 'ab\
cd'
