# An account implemented with closures only.
def account(owner, balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            return f"{owner}: invalid deposit {amount}"
        balance += amount
        history.append(("dep", amount))
        return f"{owner}: +{amount} -> {balance}"
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("fail", amount))
            return f"{owner}: insufficient funds for {amount} (have {balance})"
        balance -= amount
        history.append(("wd", amount))
        return f"{owner}: -{amount} -> {balance}"
    def report():
        return owner, balance, list(history)
    return {"deposit": deposit, "withdraw": withdraw, "report": report}
a = account("ann", 50)
b = account("bob")
print(a["deposit"](25))
print(b["withdraw"](10))
print(b["deposit"](-5))
print(b["deposit"](40))
print(a["withdraw"](80))
print(a["withdraw"](75))
print(a["report"]())
print(b["report"]())
