# Go: a small Go-playing engine doing Monte-Carlo tree search.
#
# Written for Stitch from the published description of the "go" benchmark
# of pyperformance (a Go player that evaluates moves with random playouts
# under a UCT-style tree search, with stones grouped by union-find).
# Everything here is our own: a 9x9 board of Square objects whose groups
# are kept in a union-find forest with pseudo-liberty counts, simple-ko and
# suicide rules, random playouts that never fill their own eyes, area
# scoring with komi 7.5, and a tree search that selects children by win
# rate plus a sqrt-based exploration term (PUCT with uniform priors).  All
# randomness comes from a fixed-seed Park-Miller generator, so the chosen
# moves are reproducible.
import sys
import time
import math

DEFAULT_ITERATIONS = 10
SIZE = 9
KOMI = 7.5
MOVES = 6            # engine moves played per iteration
GAMES_PER_MOVE = 50  # tree-search playouts per engine move
EXPLORATION = 1.0
SEED = 424242

EMPTY = 0
BLACK = 1
WHITE = 2
PASS = -1

# Moves chosen and checksum of the final position and search statistics
# (computed with this program; CPython and PyPy agree).
EXPECTED_MOVES = [69, 9, 5, 15, 45, 54]
EXPECTED_CHECKSUM = 135282792


def fail(reason):
    print("FAILED: " + reason)
    sys.exit(1)


def opponent(color):
    return 3 - color


class ParkMiller:
    """The minimal standard generator: seed <- seed * 16807 mod (2**31 - 1)."""

    def __init__(self, seed):
        self.seed = seed

    def below(self, n):
        self.seed = (self.seed * 16807) % 2147483647
        return self.seed % n


class Square:
    def __init__(self, pos):
        self.pos = pos
        self.color = EMPTY
        self.neighbours = []
        self.diagonals = []
        # Union-find: stones of one group share a root; the root holds the
        # group's pseudo-liberty count (stone/empty-point adjacencies).
        self.parent = self
        self.pseudo = 0
        self.mark = 0

    def root(self):
        r = self
        while r.parent is not r:
            r = r.parent
        s = self
        while s.parent is not r and s is not r:
            nxt = s.parent
            s.parent = r
            s = nxt
        return r


class Board:
    def __init__(self, size):
        self.size = size
        n = size * size
        self.squares = [Square(pos) for pos in range(n)]
        for pos in range(n):
            x = pos % size
            y = pos // size
            sq = self.squares[pos]
            for d in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx = x + d[0]
                ny = y + d[1]
                if nx >= 0 and nx < size and ny >= 0 and ny < size:
                    sq.neighbours.append(self.squares[ny * size + nx])
            for d in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                nx = x + d[0]
                ny = y + d[1]
                if nx >= 0 and nx < size and ny >= 0 and ny < size:
                    sq.diagonals.append(self.squares[ny * size + nx])
        self.empties = list(range(n))
        self.empty_index = list(range(n))
        self.to_move = BLACK
        self.ko = PASS
        self.passes = 0
        self.move_count = 0
        self.mark = 0
        self.captured = [0, 0, 0]

    def copy_from(self, other):
        mine = self.squares
        theirs = other.squares
        for pos in range(len(mine)):
            a = mine[pos]
            b = theirs[pos]
            a.color = b.color
            a.pseudo = b.pseudo
            a.parent = mine[b.parent.pos]
        self.empties = other.empties[:]
        self.empty_index = other.empty_index[:]
        self.to_move = other.to_move
        self.ko = other.ko
        self.passes = other.passes
        self.move_count = other.move_count
        self.captured = other.captured[:]

    # -- bookkeeping of empty points ---------------------------------------

    def add_empty(self, pos):
        self.empty_index[pos] = len(self.empties)
        self.empties.append(pos)

    def remove_empty(self, pos):
        index = self.empty_index[pos]
        last = self.empties.pop()
        if last != pos:
            self.empties[index] = last
            self.empty_index[last] = index

    # -- rules -------------------------------------------------------------

    def legal(self, pos, color):
        """Whether color may play at the empty point pos (ko, suicide)."""
        if pos == self.ko:
            return False
        sq = self.squares[pos]
        for nb in sq.neighbours:
            if nb.color == EMPTY:
                return True
        for nb in sq.neighbours:
            r = nb.root()
            # How many of this point's neighbours belong to the group: if the
            # group has no other pseudo-liberties, pos is its last liberty.
            adjacent = 0
            for other in sq.neighbours:
                if other.color != EMPTY and other.root() is r:
                    adjacent += 1
            if nb.color == color:
                if r.pseudo > adjacent:
                    return True
            elif r.pseudo == adjacent:
                return True
        return False

    def is_eye(self, pos, color):
        """A point surrounded by color whose diagonals are mostly friendly."""
        sq = self.squares[pos]
        for nb in sq.neighbours:
            if nb.color != color:
                return False
        enemies = 0
        for d in sq.diagonals:
            if d.color == opponent(color):
                enemies += 1
        if len(sq.diagonals) < 4:
            return enemies == 0
        return enemies <= 1

    def play(self, pos):
        color = self.to_move
        self.to_move = opponent(color)
        self.move_count += 1
        if pos == PASS:
            self.passes += 1
            self.ko = PASS
            return
        self.passes = 0
        sq = self.squares[pos]
        sq.color = color
        sq.parent = sq
        sq.pseudo = 0
        self.remove_empty(pos)
        friendly = False
        for nb in sq.neighbours:
            if nb.color == EMPTY:
                sq.pseudo += 1
        for nb in sq.neighbours:
            if nb.color == EMPTY:
                continue
            r = nb.root()
            r.pseudo -= 1
            if nb.color == color:
                friendly = True
                mine = sq.root()
                if r is not mine:
                    r.parent = mine
                    mine.pseudo += r.pseudo
        captured = 0
        captured_pos = PASS
        enemy = opponent(color)
        for nb in sq.neighbours:
            if nb.color == enemy and nb.root().pseudo == 0:
                removed = self.remove_group(nb)
                captured += removed
                captured_pos = nb.pos
        self.captured[color] += captured
        mine = sq.root()
        if mine.pseudo == 0:
            fail("suicide at %d" % pos)
        if captured == 1 and not friendly and mine.pseudo == 1:
            self.ko = captured_pos
        else:
            self.ko = PASS

    def remove_group(self, start):
        color = start.color
        self.mark += 1
        mark = self.mark
        group = [start]
        start.mark = mark
        index = 0
        while index < len(group):
            s = group[index]
            index += 1
            for nb in s.neighbours:
                if nb.color == color and nb.mark != mark:
                    nb.mark = mark
                    group.append(nb)
        for s in group:
            s.color = EMPTY
            s.parent = s
            s.pseudo = 0
            self.add_empty(s.pos)
        for s in group:
            for nb in s.neighbours:
                if nb.color != EMPTY:
                    nb.root().pseudo += 1
        return len(group)

    # -- move generation and scoring ---------------------------------------

    def candidate_moves(self):
        color = self.to_move
        moves = []
        for pos in self.empties:
            if not self.is_eye(pos, color) and self.legal(pos, color):
                moves.append(pos)
        return moves

    def random_move(self, rng):
        color = self.to_move
        empties = self.empties
        n = len(empties)
        if n == 0:
            return PASS
        start = rng.below(n)
        for i in range(n):
            pos = empties[(start + i) % n]
            if not self.is_eye(pos, color) and self.legal(pos, color):
                return pos
        return PASS

    def playout(self, rng):
        limit = self.size * self.size * 3
        while self.passes < 2 and self.move_count < limit:
            self.play(self.random_move(rng))

    def score(self, color):
        total = 0
        for sq in self.squares:
            if sq.color == color:
                total += 1
            elif sq.color == EMPTY:
                owned = True
                for nb in sq.neighbours:
                    if nb.color != color:
                        owned = False
                        break
                if owned:
                    total += 1
        return total

    def winner(self):
        if self.score(BLACK) > self.score(WHITE) + KOMI:
            return BLACK
        return WHITE

    def check_consistency(self):
        """Recount every group's pseudo-liberties from scratch."""
        counts = {}
        for sq in self.squares:
            if sq.color != EMPTY:
                r = sq.root()
                if r.color != sq.color:
                    fail("group with mixed colours")
                n = 0
                for nb in sq.neighbours:
                    if nb.color == EMPTY:
                        n += 1
                if r.pos in counts:
                    counts[r.pos] += n
                else:
                    counts[r.pos] = n
        for pos in counts:
            if counts[pos] == 0 or counts[pos] != self.squares[pos].pseudo:
                fail("pseudo-liberty count wrong for group at %d" % pos)
        for i in range(len(self.empties)):
            pos = self.empties[i]
            if self.squares[pos].color != EMPTY or self.empty_index[pos] != i:
                fail("empty list corrupted")


class Node:
    def __init__(self, move, parent, mover):
        self.move = move
        self.parent = parent
        self.mover = mover
        self.children = []
        self.untried = None
        self.wins = 0
        self.visits = 0

    def select_child(self):
        best = None
        best_value = -1.0
        scale = EXPLORATION * math.sqrt(self.visits)
        for child in self.children:
            value = child.wins / child.visits + scale / (1 + child.visits)
            if value > best_value:
                best = child
                best_value = value
        return best


def search(board, games, rng, scratch, stats):
    root = Node(PASS, None, opponent(board.to_move))
    for g in range(games):
        scratch.copy_from(board)
        node = root
        # Selection.
        while node.untried is not None and len(node.untried) == 0 and len(node.children) > 0:
            node = node.select_child()
            scratch.play(node.move)
        # Expansion.
        if node.untried is None:
            node.untried = scratch.candidate_moves()
            if len(node.untried) == 0:
                node.untried.append(PASS)
        if len(node.untried) > 0 and scratch.passes < 2:
            index = rng.below(len(node.untried))
            move = node.untried[index]
            node.untried[index] = node.untried[len(node.untried) - 1]
            node.untried.pop()
            mover = scratch.to_move
            scratch.play(move)
            child = Node(move, node, mover)
            node.children.append(child)
            node = child
        # Simulation.
        before = scratch.move_count
        scratch.playout(rng)
        stats[0] += scratch.move_count - before
        stats[1] += scratch.captured[BLACK] + scratch.captured[WHITE]
        winner = scratch.winner()
        if winner == BLACK:
            stats[2] += 1
        # Back-propagation.
        while node is not None:
            node.visits += 1
            if node.mover == winner:
                node.wins += 1
            node = node.parent
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    if best is None:
        return PASS
    return best.move


def benchmark():
    rng = ParkMiller(SEED)
    board = Board(SIZE)
    scratch = Board(SIZE)
    stats = [0, 0, 0]
    moves = []
    for m in range(MOVES):
        move = search(board, GAMES_PER_MOVE, rng, scratch, stats)
        board.play(move)
        moves.append(move)
    scratch.check_consistency()
    board.check_consistency()
    checksum = 0
    for sq in board.squares:
        checksum = (checksum * 3 + sq.color) % 1000000007
    checksum = (checksum * 131 + stats[0]) % 1000000007
    checksum = (checksum * 131 + stats[1]) % 1000000007
    checksum = (checksum * 131 + stats[2]) % 1000000007
    if moves != EXPECTED_MOVES or checksum != EXPECTED_CHECKSUM:
        fail("moves %s, checksum %d (expected %s, %d)"
             % (str(moves), checksum, str(EXPECTED_MOVES), EXPECTED_CHECKSUM))


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ITERATIONS
    for i in range(iterations):
        start = time.perf_counter()
        benchmark()
        elapsed = (time.perf_counter() - start) * 1000.0
        print(f"go iteration {i}: {elapsed:.3f} ms")
    print("go: OK")


main()
