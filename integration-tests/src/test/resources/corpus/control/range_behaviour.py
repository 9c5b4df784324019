# range objects.
r = range(2, 20, 3)
print(list(r), len(r), r[0], r[-1], r[2], 8 in r, 9 in r, r.index(11), r.count(5))
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(3, 3)), list(range(10, 0, -3)))
print(r[1:4], list(r[1:4]), list(r[::-1]), range(0, 10, 2) == range(0, 9, 2))
print(repr(range(4)), repr(range(1, 9, 2)), len(range(-5, 5)), range(10 ** 20)[12345])
print(range(10 ** 20)[-1], sum(range(101)), list(reversed(range(4))))
try:
    range(1, 5, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
total = 0
for i in range(100, 0, -7):
    total += i
print(total, bool(range(0)), bool(range(1)))
