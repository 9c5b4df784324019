# Chained assignment and augmented assignment on attributes and subscripts.
a = b = c = 5
print(a, b, c)
a += 1
print(a, b, c)
lst = [1, 2, 3]
i = 0
lst[i] += 10
lst[-1] *= 3
lst[1] -= 5
print(lst)
class Counter:
    def __init__(self):
        self.n = 0
        self.hist = []
c = Counter()
for k in range(5):
    c.n += k
    c.hist += [c.n]
print(c.n, c.hist)
d = {"x": 1}
d["x"] += 1
d["y"] = d.get("y", 0) + 7
d["y"] //= 2
print(d)
m = [[0] * 2 for _ in range(2)]
m[1][0] += 5
m[1][0] **= 2
print(m)
calls = []
def idx():
    calls.append("idx")
    return 0
arr = [100]
arr[idx()] += 1
print(arr, calls)
s = "ab"
s *= 3
print(s)
t = (1,)
t += (2,)
print(t)
x = y = []
x += [1]
print(y)
