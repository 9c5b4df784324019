# __eq__ and __hash__ for use in dicts and sets.
class Key:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a}, {self.b})"
k1 = Key(1, 2)
k2 = Key(1, 2)
k3 = Key(2, 1)
print(k1 == k2, k1 != k2, k1 == k3, k1 is k2, hash(k1) == hash(k2), k1 == (1, 2))
d = {k1: "one-two"}
print(d[k2], k3 in d, len({k1, k2, k3}))
d[k2] = "replaced"
print(d)
class NoHash:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, NoHash) and self.v == other.v
try:
    {NoHash(1)}
except TypeError as e:
    print("TypeError:", e)
print(NoHash(1) == NoHash(1), NoHash(1) != NoHash(2), [NoHash(3)].count(NoHash(3)), NoHash(4) in [NoHash(4)])
