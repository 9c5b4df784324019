# Index errors and negative indexing.
xs = [10, 20, 30]
for i in [0, 2, -1, -3, 3, -4, 100]:
    try:
        print(i, xs[i])
    except IndexError as e:
        print(i, "IndexError:", e)
try:
    xs[5] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    del xs[7]
except IndexError as e:
    print("IndexError:", e)
try:
    xs["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    xs[1.0]
except TypeError as e:
    print("TypeError:", e)
xs[-1] = 33
del xs[0]
print(xs)
print([][0:5], xs[True])
