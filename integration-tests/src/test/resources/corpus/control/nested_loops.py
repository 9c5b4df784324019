# Nested loops with break/continue affecting only the inner loop.
for i in range(1, 5):
    row = []
    for j in range(1, 5):
        if j == i:
            continue
        if i * j > 8:
            break
        row.append(i * j)
    print(i, row)
triples = []
for a in range(1, 20):
    for b in range(a, 20):
        for c in range(b, 30):
            if a * a + b * b == c * c:
                triples.append((a, b, c))
print(triples)
count = 0
i = 0
while i < 4:
    j = 0
    while j < 4:
        if (i + j) % 3 == 0:
            j += 1
            continue
        count += i * j
        j += 1
    i += 1
print(count)
