# len, range, enumerate, zip.
print(len("hello"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({5}), len(range(0, 10, 3)), len(""))
for i, ch in enumerate("abc"):
    print(i, ch)
for i, ch in enumerate("abc", start=10):
    print(i, ch)
print(list(enumerate([])), list(enumerate(["x"], -1)))
print(list(zip([1, 2, 3], "ab", (True, False, None))))
print(list(zip()), list(zip([1, 2])), list(zip(range(3), range(10, 20))))
names = ["ann", "bob", "cy"]
ages = [31, 25, 40]
print(dict(zip(names, ages)))
unzipped = list(zip(*zip(names, ages)))
print(unzipped)
for (n, a), idx in zip(zip(names, ages), range(100)):
    print(idx, n, a)
try:
    len(42)
except TypeError as e:
    print("TypeError:", e)
