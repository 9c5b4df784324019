# __len__, __getitem__, __setitem__, __contains__, __iter__.
class Grid:
    def __init__(self, w, h, fill=0):
        self.w = w
        self.h = h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {pos} out of range")
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, value):
        x, y = pos
        self.cells[y * self.w + x] = value
    def __contains__(self, value):
        print("  contains check", value)
        return value in self.cells
    def __iter__(self):
        for y in range(self.h):
            yield [self[x, y] for x in range(self.w)]
g = Grid(3, 2)
g[1, 0] = 5
g[2, 1] = 7
print(len(g), g[1, 0], g[0, 0], 5 in g, 9 in g, 9 not in g)
for row in g:
    print(row)
try:
    g[3, 0]
except IndexError as e:
    print("IndexError:", e)
print(list(g), [sum(r) for r in g])
class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq(), 10 in Seq())
for v in Seq():
    print("old-style iteration", v)
