# Slice assignment and deletion.
xs = list(range(10))
xs[2:5] = ["a", "b"]; print(xs)
xs[1:1] = [100, 101, 102]; print(xs)
xs[:2] = []; print(xs)
xs[-2:] = "XY"; print(xs)
xs[::2] = [0] * len(xs[::2]); print(xs)
ys = list(range(10))
ys[::-3] = ["p", "q", "r", "s"]; print(ys)
try:
    ys[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
zs = list(range(12))
del zs[::3]; print(zs)
del zs[1:3]; print(zs)
del zs[-1]; print(zs)
del zs[::-2]; print(zs)
ws = [1, 2, 3]
ws[len(ws):] = [4, 5]; print(ws)
ws[:] = range(3); print(ws)
del ws[:]; print(ws)
