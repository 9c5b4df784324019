# Comprehensions calling functions and methods.
def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))
print([p for p in range(60) if is_prime(p)])
print({p: [q for q in range(2, p) if p % q == 1] for p in range(3, 12) if is_prime(p)})
class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
items = [Item("pen", 1.5), Item("book", 12.0), Item("bag", 30.0), Item("clip", 0.1)]
print([i.name for i in items if i.price > 1])
print({i.name: round(i.price * 1.2, 2) for i in items})
print(sorted([i.name.upper() for i in items], key=len))
print(sum(i.price for i in items), max(items, key=lambda i: i.price).name)
print([f(3) for f in [abs, str, lambda v: v ** 2, float]])
