# Parsing CSV-like text and producing grouped, sorted and formatted reports.
DATA = """region,rep,product,units,unit_price
North,Alice,Widget,12,2.50
North,Bob,Gadget,3,10.00
South,Carol,Widget,40,2.25
South,Carol,Gizmo,1,99.99
East,Dave,Gadget,7,9.50
North,Alice,Gizmo,2,95.00
East,Erin,Widget,25,2.40
South,Frank,Gadget,0,10.00
East,Dave,Widget,5,2.50
West,Gina,Gizmo,4,97.50
"""
def parse(text):
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split(",")
        rec = dict(zip(header, fields))
        rec["units"] = int(rec["units"])
        rec["unit_price"] = float(rec["unit_price"])
        rec["revenue"] = round(rec["units"] * rec["unit_price"], 2)
        rec["line"] = n
        rows.append(rec)
    return header, rows
header, rows = parse(DATA)
print(header, len(rows))
def group(rows, key):
    out = {}
    for r in rows:
        out.setdefault(r[key], []).append(r)
    return out
print(f"{'Region':<8}{'Units':>7}{'Revenue':>12}{'Share':>8}")
total = sum(r["revenue"] for r in rows)
by_region = group(rows, "region")
for region in sorted(by_region, key=lambda g: -sum(r["revenue"] for r in by_region[g])):
    rs = by_region[region]
    rev = sum(r["revenue"] for r in rs)
    print(f"{region:<8}{sum(r['units'] for r in rs):>7}{rev:>12,.2f}{rev / total:>8.1%}")
print(f"{'TOTAL':<8}{sum(r['units'] for r in rows):>7}{total:>12,.2f}")
by_rep = group(rows, "rep")
best = max(by_rep, key=lambda k: sum(r["revenue"] for r in by_rep[k]))
print("best rep", best, round(sum(r["revenue"] for r in by_rep[best]), 2))
products = group(rows, "product")
for p in sorted(products):
    units = [r["units"] for r in products[p]]
    prices = [r["unit_price"] for r in products[p]]
    avg = sum(prices) / len(prices)
    print(f"{p:<7} n={len(units)} units={sum(units):<3} avg_price={avg:8.3f} min={min(prices):.2f} max={max(prices):.2f}")
zero = [r["line"] for r in rows if r["units"] == 0]
print("zero-unit lines", zero)
top3 = sorted(rows, key=lambda r: (-r["revenue"], r["rep"]))[:3]
for r in top3:
    print("%-6s %-6s %-7s %8.2f" % (r["rep"], r["region"], r["product"], r["revenue"]))
pivot = {}
for r in rows:
    pivot.setdefault(r["region"], {}).setdefault(r["product"], 0)
    pivot[r["region"]][r["product"]] += r["units"]
prods = sorted(products)
print("".ljust(7) + "".join(p.rjust(8) for p in prods))
for region in sorted(pivot):
    print(region.ljust(7) + "".join(str(pivot[region].get(p, "-")).rjust(8) for p in prods))
