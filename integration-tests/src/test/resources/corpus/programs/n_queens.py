# N-queens: count all solutions and print the first one for several board sizes.
def solve(n):
    cols = set()
    d1 = set()
    d2 = set()
    placement = []
    solutions = []
    def place(row):
        if row == n:
            solutions.append(placement[:])
            return
        for c in range(n):
            if c in cols or (row - c) in d1 or (row + c) in d2:
                continue
            cols.add(c)
            d1.add(row - c)
            d2.add(row + c)
            placement.append(c)
            place(row + 1)
            placement.pop()
            cols.discard(c)
            d1.discard(row - c)
            d2.discard(row + c)
    place(0)
    return solutions
for n in range(1, 9):
    sols = solve(n)
    print(n, len(sols), sols[0] if sols else None)
first = solve(8)[0]
for r in range(8):
    print(" ".join("Q" if first[r] == c else "." for c in range(8)))
sols6 = solve(6)
for s in sols6:
    print(s, [s[::-1] == t for t in sols6].count(True))
