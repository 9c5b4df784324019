# Lexicographic comparison of tuples.
records = [(3, "c", 1.5), (1, "z", 0.0), (3, "a", 9.0), (2, "m", -1.0), (1, "a", 2.0)]
print(sorted(records))
print(sorted(records, reverse=True))
print(max(records), min(records))
print((1, 2, 3) == (1, 2, 3), (1, 2) != (1, 2.0), (0, "a") < (0, "b"), () < (0,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1, "a") < (2, 2))
pairs = list(zip([3, 1, 2], ["x", "y", "z"]))
print(sorted(pairs), sorted(pairs, key=lambda p: p[1], reverse=True))
