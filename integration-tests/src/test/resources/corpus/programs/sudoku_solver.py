# Backtracking sudoku solver with constraint propagation of candidates.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(text):
    rows = [r for r in text.split("\n") if r]
    return [[0 if c == "." else int(c) for c in r] for r in rows]
def show(g):
    lines = []
    for r in range(9):
        if r and r % 3 == 0:
            lines.append("------+-------+------")
        row = ""
        for c in range(9):
            if c and c % 3 == 0:
                row += "| "
            row += (str(g[r][c]) if g[r][c] else ".") + " "
        lines.append(row.rstrip())
    return "\n".join(lines)
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]
stats = {"calls": 0, "backtracks": 0}
def solve(g):
    stats["calls"] += 1
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cands = candidates(g, r, c)
                if best is None or len(cands) < len(best[2]):
                    best = (r, c, cands)
    if best is None:
        return True
    r, c, cands = best
    for d in cands:
        g[r][c] = d
        if solve(g):
            return True
        stats["backtracks"] += 1
    g[r][c] = 0
    return False
grid = parse(PUZZLE)
print(show(grid))
print("empty cells", sum(row.count(0) for row in grid))
print(solve(grid))
print(show(grid))
print(stats)
ok = all(sorted(row) == list(range(1, 10)) for row in grid)
ok = ok and all(sorted(grid[r][c] for r in range(9)) == list(range(1, 10)) for c in range(9))
print("valid", ok)
