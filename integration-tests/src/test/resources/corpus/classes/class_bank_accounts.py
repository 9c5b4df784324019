# Accounts with validation and transaction history.
class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)
    def add_interest(self):
        gained = round(self.balance * self.interest, 2)
        self.balance = round(self.balance + gained, 2)
        return gained
a = Account("alice", 100)
b = Account("bob")
a.transfer(b, 30)
for action in [lambda: b.transfer(a, 50), lambda: a.deposit(-5), lambda: b.withdraw(10)]:
    try:
        action()
        print("ok", a.balance, b.balance)
    except (InsufficientFunds, ValueError) as e:
        print(type(e).__name__, e)
print(a.add_interest(), b.add_interest(), a.balance, b.balance)
print(a.history, b.history)
