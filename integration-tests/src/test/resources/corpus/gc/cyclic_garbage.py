# Cyclic garbage: pairs of objects that reference each other, plus long-lived cycles.
class Node:
    def __init__(self, value):
        self.value = value
        self.partner = None
        self.children = []
long_lived = []
made = 0
for i in range(100000):
    a = Node(i)
    b = Node(-i)
    a.partner = b
    b.partner = a
    a.children.append(b)
    b.children.append(a)
    made += 2
    if i % 20000 == 0:
        long_lived.append(a)
for i in range(50000):
    lst = [i]
    lst.append(lst)
    d = {"self": None}
    d["self"] = d
print("made", made)
for n in long_lived:
    print(n.value, n.partner.value, n.partner.partner is n, n.children[0].children[0] is n)
ring = [Node(k) for k in range(5)]
for k in range(5):
    ring[k].partner = ring[(k + 1) % 5]
cur = ring[0]
trail = []
for _ in range(12):
    trail.append(cur.value)
    cur = cur.partner
print(trail)
