# Uncaught user-defined exception from __main__.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, needed):
        super().__init__(f"insufficient funds: need {needed} more")
def pay(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount
bal = 50
for amount in [20, 25, 10]:
    bal = pay(bal, amount)
    print("paid", amount, "left", bal)
