# Iteration over keys/values/items and views.
inventory = {"apples": 5, "pears": 0, "plums": 12, "kiwis": 3}
for k in inventory:
    print(k, inventory[k])
for k, v in inventory.items():
    if v == 0:
        print("out of", k)
print(sum(inventory.values()), max(inventory, key=inventory.get), min(inventory.values()))
keys = inventory.keys()
inventory["figs"] = 7
print(list(keys), len(keys), "figs" in keys)
print(sorted(inventory.items(), key=lambda kv: -kv[1]))
try:
    for k in inventory:
        if k == "pears":
            del inventory[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(inventory)
for k in list(inventory):
    if inventory[k] < 5:
        del inventory[k]
print(inventory)
items = list(inventory.items())
print(items, items[0][0])
print(dict(sorted(inventory.items())))
