# Rotation, chunking and windows.
xs = list(range(1, 11))
def rotate(lst, k):
    if not lst:
        return lst
    k %= len(lst)
    return lst[-k:] + lst[:-k]
for k in [0, 1, 3, -2, 10, 13]:
    print(k, rotate(xs, k))
chunks = [xs[i:i + 3] for i in range(0, len(xs), 3)]
print(chunks)
windows = [xs[i:i + 4] for i in range(len(xs) - 3)]
print(windows)
print([sum(w) / len(w) for w in windows])
pairs = list(zip(xs[::2], xs[1::2]))
print(pairs)
a, b = xs[:5], xs[5:]
interleaved = [v for pair in zip(a, b) for v in pair]
print(interleaved)
