# An operand that is a local must be read before a later operand rebinds it
# with `:=` (the code generator uses locals' registers as operands in place).


def binop():
    a = 1
    return a + (a := 5), a


def compare_chain():
    a = 1
    r = a < (a := 5) < 6
    return r, a


def single_compare():
    a = 10
    r = a > (a := 3)
    return r, a


def condition():
    a = 1
    if a < (a := 0):
        return "taken", a
    return "not taken", a


def augmented():
    x = 2
    x += (x := 10)
    return x


def subscript():
    lst = [10, 20, 30]
    return lst[(lst := [1, 2])[1]], lst


def compare_into_operand():
    x = 3
    x = x < 5
    y = 7
    y = 1 if y > 5 else y
    z = 0
    z = z if z else z + 1
    return x, y, z


print(binop())
print(compare_chain())
print(single_compare())
print(condition())
print(augmented())
print(subscript())
print(compare_into_operand())
a = 1
print(a + (a := 5), a)
