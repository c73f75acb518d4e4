x = rb'\x' + br'a' + Rb'b' + bR'c'
