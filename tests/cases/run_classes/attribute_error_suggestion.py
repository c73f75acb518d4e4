# An uncaught AttributeError on an instance suggests a close name.
class Account:
    def __init__(self):
        self.balance = 10

    def deposit(self, n):
        self.balance += n


acct = Account()
acct.deposit(5)
print(acct.balance)
print(acct.balanse)
