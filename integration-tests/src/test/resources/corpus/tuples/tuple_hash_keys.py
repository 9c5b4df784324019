# Tuples as dictionary keys and set members.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (3, 3) in grid, len(grid))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
seen = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(len(seen), sorted(seen))
try:
    {([1], 2): 3}
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
moves = [(0, 1), (1, 0), (0, -1), (-1, 0)]
pos = (0, 0)
path = [pos]
for i in range(10):
    dr, dc = moves[i % 4]
    pos = (pos[0] + dr * (i + 1), pos[1] + dc * (i + 1))
    path.append(pos)
print(path)
print(max(path), min(path), sorted(path, key=lambda p: abs(p[0]) + abs(p[1]))[-3:])
