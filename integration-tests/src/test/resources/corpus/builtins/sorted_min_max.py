# sorted, min, max with key and default.
data = [5, -3, 2, -8, 7, 0]
print(sorted(data), sorted(data, key=abs), sorted(data, key=lambda x: -x), sorted(data, reverse=True))
print(min(data), max(data), min(data, key=abs), max(data, key=abs))
print(min(4, 2, 8), max("apple", "pear", "fig"), max("apple", "pear", "fig", key=len))
print(min([], default="empty"), max([], default=None), min([3], default=0))
print(max([(1, "b"), (1, "a"), (0, "z")]), min("hello"), max({3: "a", 9: "b"}))
words = ["kiwi", "fig", "banana", "apple", "date"]
print(max(words, key=len), min(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(max([2, 7, 7, 1], key=lambda v: v % 5), min([3, 8, 13], key=lambda v: v % 5))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
print(sorted({"b": 1, "a": 2}), sorted((3, 1, 2)), sorted("bca"), sorted(range(3), reverse=True))
