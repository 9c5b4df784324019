# Receivers that change shape while a loop runs over them: an attribute is added to some
# instances (so loads of the older attributes see a new shape), a store adds an attribute on
# each fresh object, and an instance attribute comes to shadow the method a call site loads.
class Node:
    def __init__(self, value):
        self.value = value
        self.seen = 0

    def weight(self):
        return self.value * 2


def grow(nodes, i):
    if i == 15:
        nodes[1].extra = 100
    if i == 30:
        nodes[2].weight = lambda: -1
    if i == 45:
        del nodes[2].weight
    if i == 50:
        nodes[0].extra = 7
    return i


def walk(nodes, n):
    total = 0
    for i in range(n):
        node = nodes[i % len(nodes)]
        total += node.value
        node.seen = node.seen + 1
        total += node.weight()
        if i >= 15 and node is nodes[1]:
            total += node.extra
        max(i, 0, key=lambda j: grow(nodes, j))
    return total


nodes = [Node(1), Node(2), Node(3)]
print(walk(nodes, 70))
print([n.seen for n in nodes])
print(nodes[0].extra, nodes[1].extra)


class Point:
    def __init__(self, x):
        self.x = x


def tag_all(n):
    # Each fresh point gains attributes in the loop, in an order that depends on i, so the
    # same store sites see several shapes.
    out = []
    for i in range(n):
        p = Point(i)
        if i % 3 == 0:
            p.y = i * 2
            p.z = i * 3
        else:
            p.z = i * 5
            p.y = i * 7
        p.label = "p" + str(i)
        out.append(p.x + p.y + p.z)
        out.append(p.label)
    return out


print(tag_all(40))
