# min/max across iterables and multiple arguments.
print(max(1, 2.5), min(-1, -1.5), max(True, 0), min([3, 1, 2]), max((7, 3)), max(range(10)))
print(max("a", "B"), min(["b", "a", "c"]), max([[1, 2], [1, 3], [0, 9]]), min([(2, "x"), (1, "z")]))
print(max({1: "a", 5: "b"}.values()), min("zyx"), max(iter([4, 8, 2])))
def score(word):
    return sum(ord(c) - 96 for c in word)
words = ["abc", "zz", "hello", "a"]
print([score(w) for w in words], max(words, key=score), min(words, key=score))
try:
    max(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    max(5)
except TypeError as e:
    print("TypeError:", e)
