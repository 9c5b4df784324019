# Uncaught AttributeError on a user object.
class Account:
    def __init__(self):
        self.balance = 10
acct = Account()
print(acct.balance)
acct.deposit(5)
print("unreachable")
