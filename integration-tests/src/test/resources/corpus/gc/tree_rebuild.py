# Repeatedly build and discard binary trees; one tree is kept and checked.
class T:
    def __init__(self, left, right):
        self.left = left
        self.right = right
def build(depth):
    if depth == 0:
        return T(None, None)
    return T(build(depth - 1), build(depth - 1))
def count(t):
    if t is None:
        return 0
    return 1 + count(t.left) + count(t.right)
kept = build(10)
for rnd in range(12):
    t = build(12)
    if rnd % 3 == 0:
        print("round", rnd, count(t))
print("kept", count(kept))
def depth(t):
    return 0 if t is None else 1 + max(depth(t.left), depth(t.right))
print(depth(kept), depth(build(3)))
