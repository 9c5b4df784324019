# A compiled loop reads a global as a constant; a guest method the loop calls through a
# builtin rebinds it half-way. Every later iteration must see the new value.
SCALE = 10


class Counter:
    def __init__(self):
        self.n = 0

    def __len__(self):
        global SCALE
        self.n += 1
        if self.n == 50:
            SCALE = 20
        if self.n == 80:
            SCALE = 30.5
        return 1


def run():
    total = 0
    c = Counter()
    for i in range(100):
        len(c)
        total += SCALE
    return total


print(run())
print(run())
