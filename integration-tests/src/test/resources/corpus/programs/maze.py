# Maze generation by randomized depth-first search (seeded) and solving by BFS.
import random
random.seed(7)
W, H = 12, 8
walls = {}
for y in range(H):
    for x in range(W):
        walls[(x, y)] = {"N": True, "S": True, "E": True, "W": True}
DIRS = {"N": (0, -1), "S": (0, 1), "E": (1, 0), "W": (-1, 0)}
OPP = {"N": "S", "S": "N", "E": "W", "W": "E"}
stack = [(0, 0)]
visited = {(0, 0)}
while stack:
    x, y = stack[-1]
    options = []
    for d in "NSEW":
        dx, dy = DIRS[d]
        n = (x + dx, y + dy)
        if 0 <= n[0] < W and 0 <= n[1] < H and n not in visited:
            options.append((d, n))
    if not options:
        stack.pop()
        continue
    d, n = random.choice(options)
    walls[(x, y)][d] = False
    walls[n][OPP[d]] = False
    visited.add(n)
    stack.append(n)
def solve(start, goal):
    prev = {start: None}
    queue = [start]
    while queue:
        cur = queue.pop(0)
        if cur == goal:
            break
        for d in "NSEW":
            if not walls[cur][d]:
                dx, dy = DIRS[d]
                n = (cur[0] + dx, cur[1] + dy)
                if n not in prev:
                    prev[n] = cur
                    queue.append(n)
    path = []
    node = goal
    while node is not None:
        path.append(node)
        node = prev[node]
    return path[::-1], len(prev)
path, explored = solve((0, 0), (W - 1, H - 1))
on_path = set(path)
lines = ["+" + "---+" * W]
for y in range(H):
    row = "|"
    bottom = "+"
    for x in range(W):
        cell = " * " if (x, y) in on_path else "   "
        row += cell + ("|" if walls[(x, y)]["E"] else " ")
        bottom += ("---" if walls[(x, y)]["S"] else "   ") + "+"
    lines.append(row)
    lines.append(bottom)
print("\n".join(lines))
print("path length", len(path), "explored", explored, "cells", len(visited))
print(path[:8])
dead_ends = sorted(c for c, w in walls.items() if sum(w.values()) == 3)
print("dead ends", len(dead_ends), dead_ends[:6])
