# Sets of tuples for grid search (printed sorted).
walls = {(1, 1), (1, 2), (1, 3), (3, 0), (3, 1), (3, 2)}
start, goal = (0, 0), (4, 3)
frontier = [start]
dist = {start: 0}
while frontier:
    nxt = []
    for (r, c) in frontier:
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            p = (r + dr, c + dc)
            if 0 <= p[0] < 5 and 0 <= p[1] < 4 and p not in walls and p not in dist:
                dist[p] = dist[(r, c)] + 1
                nxt.append(p)
    frontier = nxt
print(dist[goal], len(dist))
for r in range(5):
    print("".join("#" if (r, c) in walls else str(dist.get((r, c), "?") % 10) for c in range(4)))
visited = set(dist)
print(sorted(visited)[:5], len(visited & walls))
