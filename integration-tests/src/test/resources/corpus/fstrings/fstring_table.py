# Rendering a table with computed column widths.
data = [
    ("Widget", 4, 3.5),
    ("Gadget", 10, 12.25),
    ("Thingamajig", 1, 199.99),
    ("Doohickey", 250, 0.05),
]
headers = ("Item", "Qty", "Price", "Total")
rows = [(n, q, p, q * p) for n, q, p in data]
w0 = max(len(headers[0]), max(len(r[0]) for r in rows))
print(f"{headers[0]:<{w0}} | {headers[1]:>5} | {headers[2]:>8} | {headers[3]:>10}")
print("-" * (w0 + 32))
for n, q, p, t in rows:
    print(f"{n:<{w0}} | {q:>5d} | {p:>8.2f} | {t:>10,.2f}")
print("-" * (w0 + 32))
grand = sum(r[3] for r in rows)
print(f"{'TOTAL':<{w0}} | {sum(r[1] for r in rows):>5d} | {'':>8} | {grand:>10,.2f}")
print(f"{grand:=^40.1f}")
