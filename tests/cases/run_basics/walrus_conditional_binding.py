# A name bound by `:=` in an operand that may not run (after `and`/`or`, in a
# later link of a comparison chain, in one arm of an `if`) is only bound when
# it ran; a name bound on both arms of an `if`/`else` is bound after it.


def both_arms(a):
    if a:
        r = "yes"
    elif a is None:
        r = "none"
    else:
        r = "no"
    return r


def short_circuit(a):
    if a and (b := a * 2):
        return b
    return "skipped"


def chain(a):
    if 0 < a < (c := 10):
        return c
    return "out"


def value_or(a):
    x = a or (d := 5)
    return x, d


print(both_arms(1), both_arms(None), both_arms(0))
print(short_circuit(3), short_circuit(0))
print(chain(5), chain(-1))
print(value_or(0))


def unbound_after_or(a):
    x = a or (e := 5)
    return x, e


print(unbound_after_or(1))
