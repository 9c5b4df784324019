# continue inside a function but outside any loop.
def process(items):
    total = 0
    if not items:
        continue
    for i in items:
        total += i
    return total
print(process([1, 2]))
