# Assignment expressions in if/while conditions (outside comprehensions).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
items = list(range(10))
while (x := items.pop()) > 5:
    print("popped", x)
print("stopped at", x, items)
def chunks(seq, size):
    i = 0
    out = []
    while (part := seq[i:i + size]):
        out.append(part)
        i += size
    return out
print(chunks("abcdefgh", 3))
