# Counting distinct values.
data = [i * i % 17 for i in range(40)]
print(data)
distinct = set(data)
print(len(distinct), sorted(distinct))
missing = set(range(17)) - distinct
print(sorted(missing))
dups = set()
seen = set()
for x in data:
    if x in seen:
        dups.add(x)
    seen.add(x)
print(sorted(dups), sorted(distinct - dups))
print({x % 5 for x in data})
