# Uncaught exception raised inside a generator.
def readings():
    for raw in ["10", "20", "oops", "40"]:
        yield float(raw)
total = 0.0
for r in readings():
    total += r
    print("total", total)
