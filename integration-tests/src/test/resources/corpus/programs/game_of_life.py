# Conway's Game of Life on a small torus.
W, H = 20, 12
def parse(pattern, ox, oy):
    cells = set()
    for y, row in enumerate(pattern):
        for x, ch in enumerate(row):
            if ch == "#":
                cells.add(((x + ox) % W, (y + oy) % H))
    return cells
glider = parse([".#.", "..#", "###"], 1, 1)
blinker = parse(["###"], 14, 2)
block = parse(["##", "##"], 15, 8)
live = glider | blinker | block
def step(live):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = ((x + dx) % W, (y + dy) % H)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
def show(live):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(W)) for y in range(H))
print(show(live))
history = []
for gen in range(1, 41):
    live = step(live)
    history.append(len(live))
    if gen in (1, 4, 20, 40):
        print(f"-- generation {gen}, {len(live)} cells")
        print(show(live))
print(history)
print(sorted(live)[:6])
