# Slices with steps, including negative steps.
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[::3], xs[1::2], xs[::-1], xs[::-2], xs[8:2:-2])
print(xs[-3:], xs[:-7], xs[-1:-5:-1], xs[5:100], xs[-100:2], xs[6:3], xs[3:3])
print(xs[slice(1, 9, 3)], xs[slice(None, 4)], xs[slice(-2, None)])
sl = slice(1, 8, 2)
print(sl.start, sl.stop, sl.step, xs[sl])
print(xs[sl.start:sl.stop], xs[::sl.step], slice(3) == slice(None, 3, None))
try:
    xs[::0]
except ValueError as e:
    print("ValueError:", e)
c = xs[:]
c[0] = 99
print(xs[0], c[0], c is xs, c == xs)
