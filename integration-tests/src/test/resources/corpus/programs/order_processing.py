# Order processing: products, carts, discounts, stock checks and invoices.
from enum import Enum
class Category(Enum):
    FOOD = 1
    TOOLS = 2
    BOOKS = 3
class OutOfStock(Exception):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku = sku
class Product:
    def __init__(self, sku, name, cents, category, stock):
        self.sku = sku
        self.name = name
        self.cents = cents
        self.category = category
        self.stock = stock
def money(c):
    sign = "-" if c < 0 else ""
    c = abs(c)
    return f"{sign}${c // 100:,}.{c % 100:02d}"
class Discount:
    def apply(self, lines):
        return 0
    def describe(self):
        return "none"
class CategoryDiscount(Discount):
    def __init__(self, category, percent):
        self.category = category
        self.percent = percent
    def apply(self, lines):
        return sum(p.cents * q for p, q in lines if p.category == self.category) * self.percent // 100
    def describe(self):
        return f"{self.percent}% off {self.category.name.lower()}"
class BulkDiscount(Discount):
    def __init__(self, min_items, cents_off):
        self.min_items = min_items
        self.cents_off = cents_off
    def apply(self, lines):
        return self.cents_off if sum(q for _, q in lines) >= self.min_items else 0
    def describe(self):
        return f"{money(self.cents_off)} off {self.min_items}+ items"
CATALOG = {p.sku: p for p in [
    Product("A1", "Apples (bag)", 399, Category.FOOD, 20),
    Product("B7", "Hammer", 1599, Category.TOOLS, 3),
    Product("C3", "Python Book", 4250, Category.BOOKS, 2),
    Product("D2", "Coffee", 1099, Category.FOOD, 5),
    Product("E5", "Screwdriver set", 2499, Category.TOOLS, 1),
]}
def checkout(order_id, wanted, discounts):
    lines = []
    for sku, qty in wanted:
        p = CATALOG[sku]
        if p.stock < qty:
            raise OutOfStock(sku, qty, p.stock)
        lines.append((p, qty))
    for p, qty in lines:
        p.stock -= qty
    subtotal = sum(p.cents * q for p, q in lines)
    applied = [(d.describe(), d.apply(lines)) for d in discounts]
    applied = [(desc, amt) for desc, amt in applied if amt]
    total = subtotal - sum(a for _, a in applied)
    tax = (total * 8 + 50) // 100
    print(f"Invoice #{order_id}")
    for p, q in lines:
        print(f"  {p.name:<16}{q:>3} x {money(p.cents):>9} = {money(p.cents * q):>10}")
    print(f"  {'subtotal':<30}{money(subtotal):>12}")
    for desc, amt in applied:
        print(f"  {desc:<30}{money(-amt):>12}")
    print(f"  {'tax 8%':<30}{money(tax):>12}")
    print(f"  {'TOTAL':<30}{money(total + tax):>12}")
    return total + tax
orders = [
    (1, [("A1", 3), ("D2", 2)], [CategoryDiscount(Category.FOOD, 10)]),
    (2, [("B7", 2), ("E5", 1), ("A1", 1)], [BulkDiscount(4, 500), CategoryDiscount(Category.TOOLS, 5)]),
    (3, [("C3", 3)], []),
    (4, [("E5", 1)], []),
    (5, [("C3", 2), ("B7", 1), ("A1", 10)], [BulkDiscount(10, 1000), Discount()]),
]
revenue = 0
for oid, wanted, discounts in orders:
    try:
        revenue += checkout(oid, wanted, discounts)
    except OutOfStock as e:
        print(f"Order {oid} rejected: {e}")
print("revenue", money(revenue))
for p in CATALOG.values():
    print(p.sku, p.name, p.stock, p.category)
