# List mutation methods.
xs = [5, 3, 8]
xs.append(1); print(xs)
xs.extend([9, 2]); print(xs)
xs.extend(range(3)); print(xs)
xs.insert(0, 100); print(xs)
xs.insert(-1, 200); print(xs)
xs.insert(99, 300); print(xs)
print(xs.pop(), xs.pop(0), xs.pop(2), xs)
xs.remove(2); print(xs)
print(xs.index(9), xs.count(1), xs.count(42))
ys = xs.copy()
ys.reverse(); print(xs, ys)
ys.sort(); print(ys)
ys.sort(reverse=True); print(ys)
ys.clear(); print(ys, len(ys))
try:
    ys.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    xs.remove(12345)
except ValueError as e:
    print("ValueError:", e)
try:
    xs.index(777)
except ValueError as e:
    print("ValueError:", e)
print(xs.index(1, 2) if 1 in xs[2:] else None)
