# Removing duplicates while keeping order, merging sorted lists.
data = [3, 1, 3, 2, 1, 5, 2, 9, 3, 0]
seen = set()
uniq = []
for x in data:
    if x not in seen:
        seen.add(x)
        uniq.append(x)
print(uniq)
print(list(dict.fromkeys(data)))
def merge(a, b):
    i = j = 0
    out = []
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    out.extend(a[i:])
    out.extend(b[j:])
    return out
print(merge([1, 4, 6, 10], [2, 3, 7, 11, 12]))
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    res = merge(left, right)
    print("merged", res)
    return res
print(merge_sort([38, 27, 43, 3, 9, 82, 10]))
