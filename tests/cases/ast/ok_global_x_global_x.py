global x; global x
