# Private names are mangled with the class name.
class Account:
    __rate = 5

    def __init__(self):
        self.__balance = 100
        self._protected = 1

    def __secret(self):
        return "secret"

    def reveal(self):
        return self.__balance, self.__rate, self.__secret()


class Savings(Account):
    def __init__(self):
        super().__init__()
        self.__balance = 7


a = Account()
print(a.reveal(), a._Account__balance, a._protected, Account._Account__rate)
print(sorted(vars(a)))
s = Savings()
print(sorted(vars(s)), s.reveal())
print(hasattr(a, "__balance"), getattr(a, "_Account__secret")())
print(a.__balance)
