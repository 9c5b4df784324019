# Batching and windowing generators.
def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)
def sliding(it, n):
    window = []
    for x in it:
        window.append(x)
        if len(window) > n:
            window.pop(0)
        if len(window) == n:
            yield tuple(window)
def interleave(*its):
    iters = [iter(i) for i in its]
    while iters:
        nxt = []
        for i in iters:
            try:
                yield next(i)
                nxt.append(i)
            except StopIteration:
                pass
        iters = nxt
print(list(batched(range(10), 3)))
print(list(batched("abcdef", 2)), list(batched([], 4)))
print(list(sliding(range(6), 3)))
print(list(interleave("abc", [1, 2], range(10, 14))))
def dedupe_adjacent(it):
    prev = object()
    for x in it:
        if x != prev:
            yield x
        prev = x
print(list(dedupe_adjacent([1, 1, 2, 2, 2, 3, 1, 1])), "".join(dedupe_adjacent("aaabccdda")))
