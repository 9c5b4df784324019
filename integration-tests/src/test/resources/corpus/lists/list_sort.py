# Sorting with keys, reverse and stability.
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35), ("frank", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
byname = sorted(people)
print(byname)
words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig", "grape"]
words.sort(key=len); print(words)
words.sort(key=str.lower); print(words)
words.sort(key=lambda w: w[-1]); print(words)
nums = [3, -1, 4, -1, 5, -9, 2, 6, -5, 3]
print(sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
nested = [[3, 1], [1, 2, 3], [1, 2], [], [3]]
print(sorted(nested))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(sorted("hello world"), sorted(range(5), reverse=True))
