# Storage: build a tree of arrays to stress object allocation.
#
# Written for Stitch from the published description of the "Storage"
# micro-benchmark of the Are-We-Fast-Yet suite: a complete 4-ary tree of
# depth 7 whose inner nodes are 4-element lists and whose leaves are lists of
# 1 to 10 elements, sizes drawn from the suite's simple seeded generator
# (seed 74755, seed = (seed * 1309 + 13849) mod 65536).  The tree has
# (4**7 - 1) / 3 = 5461 nodes.
import sys
import time

DEFAULT_ITERATIONS = 10
ROUNDS = 50
DEPTH = 7
EXPECTED_NODES = 5461
# Total length of all leaf lists for one tree (fixed by the generator).
EXPECTED_LEAF_CELLS = 22420


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Random:
    def __init__(self):
        self.seed = 74755

    def next(self):
        self.seed = ((self.seed * 1309) + 13849) & 65535
        return self.seed


class Storage:
    def __init__(self):
        self.count = 0
        self.rng = Random()

    def build_tree_depth(self, depth):
        self.count += 1
        if depth == 1:
            return [0] * (self.rng.next() % 10 + 1)
        node = [None, None, None, None]
        for i in range(4):
            node[i] = self.build_tree_depth(depth - 1)
        return node


def leaf_cells(node, depth):
    if depth == 1:
        return len(node)
    total = 0
    for child in node:
        total += leaf_cells(child, depth - 1)
    return total


def benchmark():
    for r in range(ROUNDS):
        s = Storage()
        tree = s.build_tree_depth(DEPTH)
        if s.count != EXPECTED_NODES:
            fail("%d nodes, expected %d" % (s.count, EXPECTED_NODES))
        cells = leaf_cells(tree, DEPTH)
        if cells != EXPECTED_LEAF_CELLS:
            fail("%d leaf cells, expected %d" % (cells, EXPECTED_LEAF_CELLS))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"storage iteration {i}: {elapsed:.3f} ms")
    print("storage: OK")


main()
