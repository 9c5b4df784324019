# Short-lived dicts and tuples.
stats = {"even": 0, "odd": 0}
archive = []
for i in range(200000):
    rec = {"id": i, "sq": i * i, "tag": (i % 7, i % 11)}
    key = "even" if rec["sq"] % 2 == 0 else "odd"
    stats[key] += rec["tag"][0] + rec["tag"][1]
    if i % 40000 == 0:
        archive.append(rec)
print(stats)
for rec in archive:
    print(rec)
print(sum(r["id"] for r in archive))
