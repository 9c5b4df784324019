# hash() of ints/tuples and id() comparisons.
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(True), hash(False), hash(1.0) == hash(1), hash(0.5) == hash(0.5))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)), hash(()) == hash(()))
print(hash(-(2 ** 70)) == hash(-(2 ** 70)), hash(10 ** 30) == hash(10 ** 30))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None))
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
print(hash("abc") == hash("abc"), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
