# Recursion through methods and __repr__ of self-containing structures.
class Chain:
    def __init__(self, nxt=None):
        self.nxt = nxt
    def length(self):
        return 1 + (self.nxt.length() if self.nxt else 0)
c = None
for _ in range(500):
    c = Chain(c)
print(c.length())
for _ in range(5000):
    c = Chain(c)
try:
    c.length()
except RecursionError:
    print("chain too long for recursive length")
x = [1, 2]
x.append(x)
print(x)
d = {"a": 1}
d["self"] = d
print(d)
