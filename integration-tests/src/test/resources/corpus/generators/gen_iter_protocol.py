# Generators are their own iterators; iter() over user iterables.
def gen():
    yield from range(3)
g = gen()
print(iter(g) is g, next(iter(g)))
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6, [Tree(7)])])])
print(list(t), sum(t), max(t))
for d, v in t.depth_first():
    print("  " * d + str(v))
print(sorted(t, reverse=True), 7 in t, 8 in t)
it = iter([10, 20, 30])
print(next(it), list(it))
print(list(iter(range(3))), list(zip(gen(), gen())))
