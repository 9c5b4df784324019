# A seeded bank simulation: accounts, transfers, interest, overdraft handling and reports.
import random
class TransactionError(Exception):
    pass
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0, overdraft=0):
        self.number = Account.next_number
        Account.next_number += 1
        self.owner = owner
        self.balance = balance
        self.overdraft = overdraft
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise TransactionError(f"invalid amount {amount}")
        self.balance += amount
        self.log.append(("D", amount))
    def withdraw(self, amount):
        if self.balance - amount < -self.overdraft:
            raise TransactionError(f"{self.owner}: limit exceeded ({self.balance} - {amount})")
        self.balance -= amount
        self.log.append(("W", amount))
    def __repr__(self):
        return f"<{self.number} {self.owner} {self.balance}>"
class SavingsAccount(Account):
    rate_permille = 15
    def month_end(self):
        interest = self.balance * self.rate_permille // 1000
        if interest > 0:
            self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
        self.failed = 0
        self.moved = 0
    def open(self, cls, owner, **kw):
        acct = cls(owner, **kw)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        try:
            a.withdraw(amount)
        except TransactionError as e:
            self.failed += 1
            return str(e)
        b.deposit(amount)
        self.moved += amount
        return "ok"
    def total(self):
        return sum(a.balance for a in self.accounts.values())
random.seed(1234)
bank = Bank()
names = ["ada", "bob", "cyd", "dee", "eli", "fay"]
for i, n in enumerate(names):
    cls = SavingsAccount if i % 2 == 0 else Account
    bank.open(cls, n, balance=random.randint(100, 1000), overdraft=50 * (i % 3))
print(list(bank.accounts.values()))
start_total = bank.total()
numbers = list(bank.accounts)
for month in range(1, 4):
    for _ in range(25):
        src, dst = random.choice(numbers), random.choice(numbers)
        if src == dst:
            continue
        res = bank.transfer(src, dst, random.randint(10, 400))
        if res != "ok":
            print(f"month {month}: {res}")
    earned = [a.month_end() for a in bank.accounts.values() if isinstance(a, SavingsAccount)]
    print(f"month {month}: interest {earned} total {bank.total()}")
print("start", start_total, "end", bank.total(), "moved", bank.moved, "failed", bank.failed)
for acct in sorted(bank.accounts.values(), key=lambda a: -a.balance):
    deps = sum(x for k, x in acct.log if k == "D")
    wds = sum(x for k, x in acct.log if k == "W")
    print(f"{acct.number} {acct.owner:<4} {type(acct).__name__:<15} {acct.balance:>6} +{deps:<5} -{wds:<5} {len(acct.log)}")
try:
    bank.accounts[1000].deposit(-5)
except TransactionError as e:
    print("TransactionError:", e)
