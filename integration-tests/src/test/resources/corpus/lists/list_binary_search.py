# Binary search and insertion into a sorted list.
def bisect_left(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = []
for v in [50, 20, 80, 20, 10, 90, 60, 30, 70, 40]:
    i = bisect_left(data, v)
    data.insert(i, v)
    print(v, i, data)
for q in [5, 20, 55, 100]:
    i = bisect_left(data, q)
    found = i < len(data) and data[i] == q
    print(q, i, found)
