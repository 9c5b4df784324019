# An inventory system built from dicts.
stock = {}
log = []
def add(item, qty, price):
    entry = stock.setdefault(item, {"qty": 0, "price": price})
    entry["qty"] += qty
    entry["price"] = price
    log.append(("add", item, qty))
def remove(item, qty):
    if item not in stock:
        log.append(("missing", item, qty))
        return False
    if stock[item]["qty"] < qty:
        log.append(("short", item, qty))
        return False
    stock[item]["qty"] -= qty
    if stock[item]["qty"] == 0:
        del stock[item]
    log.append(("remove", item, qty))
    return True
add("bolt", 100, 0.1)
add("nut", 250, 0.05)
add("gear", 10, 4.5)
print(remove("bolt", 30), remove("gear", 11), remove("cog", 1), remove("gear", 10))
add("bolt", 5, 0.12)
for item, info in stock.items():
    print(item, info["qty"], info["price"], round(info["qty"] * info["price"], 2))
print(log)
value = sum(i["qty"] * i["price"] for i in stock.values())
print(round(value, 2))
