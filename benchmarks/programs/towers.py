# Towers: the Towers of Hanoi, with each peg an explicit stack of disks.
#
# Written for Stitch from the published description of the "Towers"
# micro-benchmark of the Are-We-Fast-Yet suite (originally from the Stanford
# Integer Benchmarks): disks are linked-list nodes pushed onto and popped
# from three piles; putting a disk on a smaller one is an error.  Moving n
# disks takes 2**n - 1 moves.
import sys
import time

DEFAULT_ITERATIONS = 10
DISKS = 19


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


class Disk:
    def __init__(self, size):
        self.size = size
        self.next = None


class Towers:
    def __init__(self):
        self.piles = [None, None, None]
        self.moves_done = 0

    def push_disk(self, disk, pile):
        top = self.piles[pile]
        if top is not None and disk.size >= top.size:
            fail("cannot put a big disk on a smaller one")
        disk.next = top
        self.piles[pile] = disk

    def pop_disk_from(self, pile):
        top = self.piles[pile]
        if top is None:
            fail("attempting to remove a disk from an empty pile")
        self.piles[pile] = top.next
        top.next = None
        return top

    def move_top_disk(self, from_pile, to_pile):
        self.push_disk(self.pop_disk_from(from_pile), to_pile)
        self.moves_done += 1

    def build_tower_at(self, pile, disks):
        size = disks - 1
        while size >= 0:
            self.push_disk(Disk(size), pile)
            size -= 1

    def move_disks(self, disks, from_pile, to_pile):
        if disks == 1:
            self.move_top_disk(from_pile, to_pile)
        else:
            other_pile = 3 - from_pile - to_pile
            self.move_disks(disks - 1, from_pile, other_pile)
            self.move_top_disk(from_pile, to_pile)
            self.move_disks(disks - 1, other_pile, to_pile)


def benchmark():
    towers = Towers()
    towers.build_tower_at(0, DISKS)
    towers.move_disks(DISKS, 0, 1)
    if towers.moves_done != (1 << DISKS) - 1:
        fail("%d moves, expected %d" % (towers.moves_done, (1 << DISKS) - 1))
    if towers.piles[0] is not None or towers.piles[2] is not None:
        fail("disks left on the source or spare pile")
    disk = towers.piles[1]
    expected_size = 0
    while disk is not None:
        if disk.size != expected_size:
            fail("target pile out of order")
        expected_size += 1
        disk = disk.next
    if expected_size != DISKS:
        fail("%d disks on the target pile" % expected_size)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"towers iteration {i}: {elapsed:.3f} ms")
    print("towers: OK")


main()
